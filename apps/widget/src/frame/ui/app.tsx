import { useEffect, useRef } from 'preact/hooks';
import type { ChatController } from '../core/chat-controller';
import { stringsFor } from '../core/i18n';
import { Launcher } from './launcher';
import { Panel } from './panel';
import { useChatState } from './use-chat-state';

export function App({ controller }: { controller: ChatController }) {
  const state = useChatState(controller);
  const t = stringsFor(state.locale);
  const launcherRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const wasOpen = useRef(state.open);

  // Move focus with the panel, but only while the visitor is inside the frame: a host page's
  // Parley.open() must not pull the keyboard away from what they were doing.
  useEffect(() => {
    if (wasOpen.current === state.open) return;
    wasOpen.current = state.open;
    if (!document.hasFocus()) return;
    if (state.open) inputRef.current?.focus();
    else launcherRef.current?.focus();
  }, [state.open]);

  if (state.phase === 'unavailable') return null;
  const close = () => controller.setOpen(false);
  return (
    <div class={'pw-root' + (state.mobile ? ' pw-mobile' : '') + (state.open ? ' pw-open' : '')}>
      {state.open && <Panel state={state} controller={controller} t={t} onClose={close} inputRef={inputRef} />}
      {!(state.open && state.mobile) && (
        <Launcher open={state.open} unread={state.unread} t={t} onToggle={() => controller.toggle()} buttonRef={launcherRef} />
      )}
    </div>
  );
}
