import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { ChatController, ChatState } from '../core/chat-controller';

export function useChatState(controller: ChatController): ChatState {
  const state = controller.getState();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const rendered = useRef(state);
  rendered.current = state;
  useEffect(() => {
    const unsubscribe = controller.subscribe(() => rerender(undefined));
    // Effects run after paint: a host command handled in between (Parley.open() right after load)
    // changed the state with nobody subscribed yet.
    if (controller.getState() !== rendered.current) rerender(undefined);
    return () => void unsubscribe();
  }, [controller]);
  return state;
}
