import type { Ref } from 'preact';
import type { Strings } from '../core/i18n';
import { ChatIcon, CloseIcon } from './icons';

export function Launcher(props: { open: boolean; unread: number; t: Strings; onToggle: () => void; buttonRef: Ref<HTMLButtonElement> }) {
  const { open, unread, t } = props;
  const label = open ? t.closeChat : unread ? t.openChat + ' (' + t.unread(unread) + ')' : t.openChat;
  return (
    <button
      ref={props.buttonRef}
      type="button"
      class="pw-launcher"
      aria-label={label}
      aria-expanded={open}
      aria-controls="pw-panel"
      onClick={props.onToggle}
    >
      {open ? <CloseIcon size={24} /> : <ChatIcon />}
      {!open && unread > 0 && (
        <span class="pw-badge" aria-hidden="true">
          {unread > 99 ? '99+' : String(unread)}
        </span>
      )}
    </button>
  );
}
