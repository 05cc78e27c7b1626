import type { Ref } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { contactPromptVisible, type ChatController, type ChatState } from '../core/chat-controller';
import { buildTimeline } from '../core/conversation-store';
import { flowView } from '../core/flow-view';
import { describeAvailability, type Strings } from '../core/i18n';
import { Composer } from './composer';
import { ContactPrompt } from './contact-prompt';
import { FlowButtons } from './flow-buttons';
import { CloseIcon } from './icons';
import { MessageList } from './message-list';
import { QuoteForm } from './quote-form';

export function Panel(props: {
  state: ChatState;
  controller: ChatController;
  t: Strings;
  onClose(): void;
  inputRef: Ref<HTMLTextAreaElement>;
}) {
  const { state, controller, t } = props;
  const items = useMemo(() => buildTimeline(state.conversation, state.outbox), [state.conversation, state.outbox]);
  const flow = state.inbox ? state.inbox.flow : null;
  const view = useMemo(() => flowView(flow, state.conversation, state.outbox, state.locale), [flow, state.conversation, state.outbox, state.locale]);
  const inputRef = props.inputRef as { current: HTMLTextAreaElement | null };
  // A free-text step asks the visitor to write: the composer gets the focus (only while they are in the frame).
  useEffect(() => {
    if (view.kind === 'free_text' && view.key !== 'start' && document.hasFocus() && inputRef.current) inputRef.current.focus();
  }, [view.key]);
  const capture = contactPromptVisible(state) || view.kind === 'contact_capture';
  const quote = view.kind === 'quote_form' && view.key ? view.key : null;
  const choices = view.choices;
  const availability = state.inbox ? state.inbox.availability : null;
  const expectation = availability ? describeAvailability(availability, state.locale, new Date()) : '';
  const banner =
    state.phase === 'starting' || state.connection === 'connecting' ? t.connecting : state.connection === 'offline' ? t.reconnecting : null;

  return (
    <section
      id="pw-panel"
      class="pw-panel"
      role="dialog"
      aria-modal={state.mobile}
      aria-labelledby="pw-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onClose();
        }
      }}
    >
      <header class="pw-header">
        <div class="pw-heading">
          <h1 id="pw-title">{state.inbox ? state.inbox.name : t.title}</h1>
          {availability && (
            <p class="pw-availability">
              <span class={'pw-dot' + (availability.online ? ' pw-dot-online' : '')} aria-hidden="true" />
              {availability.online ? t.online + ' · ' + expectation : expectation}
            </p>
          )}
        </div>
        <button type="button" class="pw-icon-button" aria-label={t.closeChat} onClick={props.onClose}>
          <CloseIcon />
        </button>
      </header>
      {banner && (
        <p class="pw-banner" role="status">
          {banner}
        </p>
      )}
      <MessageList
        items={items}
        greeting={view.greeting || (state.inbox ? state.inbox.greeting : null)}
        agentTyping={state.agentTyping}
        resolved={!!state.conversation && state.conversation.status === 'resolved'}
        locale={state.locale}
        t={t}
        onRetry={(id) => controller.retry(id)}
        onDiscard={(id) => controller.discard(id)}
        footer={
          choices || quote || capture ? (
            <>
              {choices && <FlowButtons label={choices.label} buttons={choices.buttons} onChoose={(button) => controller.choose(choices.stepId, button)} />}
              {quote && (
                <QuoteForm
                  key={quote}
                  t={t}
                  locale={state.locale}
                  contact={state.contact}
                  state={state.quote.key === quote ? state.quote : { status: 'idle', key: quote, result: null, error: null }}
                  onSubmit={(draft) => controller.submitQuote(draft, quote)}
                />
              )}
              {capture && (
                <ContactPrompt
                  t={t}
                  expectation={view.kind === 'contact_capture' ? '' : expectation}
                  status={state.capture.status}
                  savedValue={state.capture.value}
                  question={state.capture.question}
                  onSubmit={(raw) => controller.submitContact(raw)}
                />
              )}
            </>
          ) : null
        }
      />
      <Composer
        t={t}
        inputRef={props.inputRef}
        onSend={(text) => controller.send(text)}
        onInput={(text) => controller.composerChanged(text)}
      />
    </section>
  );
}
