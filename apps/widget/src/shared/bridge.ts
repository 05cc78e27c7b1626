/**
 * The postMessage protocol between the loader (host page) and the frame (HOST origin).
 * Both sides check the peer's origin and window before trusting a message; the `parley`
 * marker only keeps us from reacting to other libraries' messages on the same window.
 */

export type WidgetEventName = 'message' | 'open' | 'close' | 'unread';

export interface WidgetUser {
  identifier: string;
  name?: string;
  email?: string;
  identifierHash?: string;
}

/** Public subset of a message handed to the host page's `on('message')` handlers. */
export interface WidgetMessageEvent {
  id: string;
  conversationId: string;
  messageType: 'incoming' | 'outgoing' | 'template';
  senderType: 'contact' | 'agent' | 'bot';
  body: string;
  createdAt: string;
}

export type FrameToHost =
  | { parley: 1; type: 'ready' }
  /** The frame asks for a size; the loader decides the pixels (it alone knows the host viewport). */
  | { parley: 1; type: 'resize'; mode: 'launcher' | 'panel' | 'hidden' }
  | { parley: 1; type: 'event'; name: 'message'; data: WidgetMessageEvent }
  | { parley: 1; type: 'event'; name: 'unread'; data: { count: number } }
  | { parley: 1; type: 'event'; name: 'open' | 'close'; data: null }
  /** Write-through to the host page's localStorage, used only when the frame's own storage is blocked. */
  | { parley: 1; type: 'storage'; key: string; value: string | null };

export type HostCommand =
  | { name: 'open' }
  | { name: 'close' }
  | { name: 'toggle' }
  | { name: 'setUser'; user: WidgetUser };

export type HostToFrame =
  /**
   * The answer to `ready`: the layout, every call the host made before the frame could take it, and
   * the widget's keys from the host page's localStorage (the fallback when third-party storage is blocked).
   */
  | { parley: 1; type: 'init'; mobile: boolean; commands: HostCommand[]; storage: Record<string, string> }
  /** Another tab changed one of the widget's keys in the host page's localStorage. */
  | { parley: 1; type: 'storage'; key: string; value: string | null }
  | { parley: 1; type: 'layout'; mobile: boolean }
  | { parley: 1; type: 'command'; command: HostCommand };

export function isBridgeMessage<T extends { parley: 1; type: string }>(data: unknown): data is T {
  return typeof data === 'object' && data !== null && (data as { parley?: unknown }).parley === 1 &&
    typeof (data as { type?: unknown }).type === 'string';
}
