import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { initials, type TimelineItem } from '../core/conversation-store';
import { formatTime, type Locale, type Strings } from '../core/i18n';
import { MessageBody } from './message-body';

export interface MessageListProps {
  items: TimelineItem[];
  greeting: string | null;
  agentTyping: { name: string | null } | null;
  resolved: boolean;
  locale: Locale;
  t: Strings;
  onRetry(clientMessageId: string): void;
  onDiscard(clientMessageId: string): void;
  /** The offline contact prompt, placed after the messages it follows. */
  footer?: ComponentChildren;
}

export function MessageList(props: MessageListProps) {
  const { items, t } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const last = items[items.length - 1];

  // Follow new messages only when the visitor is already at the bottom or wrote the last one.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (el && (stickToBottom.current || (last && last.own))) el.scrollTop = el.scrollHeight;
  }, [items.length, last && last.key, !!props.agentTyping, !!props.footer]);

  const onScroll = () => {
    const el = listRef.current;
    if (el) stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
  };

  return (
    <div class="pw-messages" ref={listRef} onScroll={onScroll} role="log" aria-label={t.messages} tabIndex={0}>
      <div class="pw-row pw-business">
        <span class="pw-avatar" aria-hidden="true" />
        <div class="pw-stack">
          <div class="pw-bubble">{props.greeting || t.greeting}</div>
        </div>
      </div>
      {items.map((item, i) => {
        const previous = items[i - 1];
        const firstOfRun = !item.own && (!previous || previous.own || previous.sender.name !== item.sender.name);
        return <MessageRow key={item.key} item={item} firstOfRun={firstOfRun} {...props} />;
      })}
      {props.resolved && <p class="pw-note">{t.resolved}</p>}
      {props.footer}
      {props.agentTyping && (
        <p class="pw-typing" role="status">
          <span class="pw-dots" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          {t.typing(props.agentTyping.name)}
        </p>
      )}
    </div>
  );
}

function MessageRow(props: MessageListProps & { item: TimelineItem; firstOfRun: boolean }) {
  const { item, t, locale, firstOfRun } = props;
  const senderName = item.sender.name || (item.sender.type === 'bot' ? t.bot : t.support);
  const statusText = item.status === 'failed' ? t.failed : item.status ? t[item.status] : '';
  return (
    <div class={'pw-row ' + (item.own ? 'pw-own' : 'pw-business') + (item.status === 'failed' ? ' pw-failed' : '')}>
      {!item.own && (
        <span class="pw-avatar" aria-hidden="true">
          {firstOfRun ? initials(senderName) : ''}
        </span>
      )}
      <div class="pw-stack">
        {!item.own && firstOfRun && <span class="pw-sender">{senderName}</span>}
        <div class="pw-bubble">
          <span class="pw-sr">{(item.own ? t.you : senderName) + ': '}</span>
          <MessageBody text={item.body} />
        </div>
        <span class="pw-meta">
          {formatTime(item.createdAt, locale)}
          {statusText && <span class={'pw-status pw-status-' + item.status}>{' · ' + statusText}</span>}
        </span>
        {item.status === 'failed' && item.clientMessageId && (
          <span class="pw-failure">
            {t.failedReason(item.error || '')}
            <button type="button" class="pw-link-button" onClick={() => props.onRetry(item.clientMessageId as string)}>
              {t.retry}
            </button>
            <button type="button" class="pw-link-button" onClick={() => props.onDiscard(item.clientMessageId as string)}>
              {t.discard}
            </button>
          </span>
        )}
      </div>
    </div>
  );
}
