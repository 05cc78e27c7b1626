import {
  isBridgeMessage,
  type FrameToHost,
  type HostCommand,
  type HostToFrame,
  type WidgetEventName,
  type WidgetUser,
} from '../shared/bridge';
import { applyStyle, frameStyle, MOBILE_MAX_WIDTH, type FrameMode } from './layout';
import { frameUrl, type LoaderConfig } from './script-config';

export type WidgetHandler = (data: unknown) => void;

export interface ParleyApi {
  open(): void;
  close(): void;
  toggle(): void;
  setUser(user: WidgetUser): void;
  on(event: WidgetEventName, handler: WidgetHandler): () => void;
}

export interface MountedWidget {
  api: ParleyApi;
  container: HTMLElement;
  iframe: HTMLIFrameElement;
  destroy(): void;
}

const EVENTS: WidgetEventName[] = ['message', 'open', 'close', 'unread'];

export function mountWidget(win: Window, config: LoaderConfig): MountedWidget {
  const doc = win.document;
  const container = doc.createElement('div');
  container.setAttribute('data-parley-widget', '');
  applyStyle(container, { display: 'block', position: 'static', width: '0', height: '0', margin: '0', padding: '0', border: '0' });
  // A shadow root keeps host selectors (`iframe { … }`, `* { … }`) from matching the iframe at all.
  const root: Node = container.attachShadow ? container.attachShadow({ mode: 'closed' }) : container;

  const iframe = doc.createElement('iframe');
  iframe.src = frameUrl(config, win.location.origin, new URLSearchParams(win.location.search).get('conversation'));
  const korean = (config.locale || win.navigator.language || '').toLowerCase().indexOf('ko') === 0;
  iframe.title = korean ? '채팅 상담' : 'Chat';
  iframe.setAttribute('allow', 'clipboard-write');
  let mode: FrameMode = 'hidden';
  let mobile = isMobile(win);
  applyStyle(iframe, frameStyle(mode, mobile));
  root.appendChild(iframe);

  let ready = false;
  const queue: HostCommand[] = [];
  const storagePrefix = 'parley:' + config.inboxToken + ':';
  const ownsKey = (key: unknown): key is string => typeof key === 'string' && key.indexOf(storagePrefix) === 0;
  const handlers: Record<WidgetEventName, WidgetHandler[]> = { message: [], open: [], close: [], unread: [] };

  const post = (message: HostToFrame) => {
    iframe.contentWindow?.postMessage(message, config.hostOrigin);
  };
  const send = (command: HostCommand) => {
    if (ready) post({ parley: 1, type: 'command', command });
    else queue.push(command);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.origin !== config.hostOrigin || event.source !== iframe.contentWindow) return;
    if (!isBridgeMessage<FrameToHost>(event.data)) return;
    const message = event.data;
    if (message.type === 'ready') {
      // A reloaded frame announces itself again and must get the layout again; the queue is empty by then.
      ready = true;
      post({ parley: 1, type: 'init', mobile, commands: queue.splice(0), storage: readStorage(win, storagePrefix) });
    } else if (message.type === 'resize') {
      mode = message.mode === 'panel' || message.mode === 'launcher' ? message.mode : 'hidden';
      applyStyle(iframe, frameStyle(mode, mobile));
    } else if (message.type === 'storage' && ownsKey(message.key)) {
      writeStorage(win, message.key, typeof message.value === 'string' ? message.value : null);
    } else if (message.type === 'event' && EVENTS.indexOf(message.name) >= 0) {
      for (const handler of handlers[message.name].slice()) {
        // One broken host handler must not stop the others.
        try {
          handler(message.data);
        } catch (error) {
          win.setTimeout(() => {
            throw error;
          });
        }
      }
    }
  };

  const onResize = () => {
    const next = isMobile(win);
    if (next === mobile) return;
    mobile = next;
    applyStyle(iframe, frameStyle(mode, mobile));
    if (ready) post({ parley: 1, type: 'layout', mobile });
  };

  const onStorage = (event: StorageEvent) => {
    if (ready && ownsKey(event.key)) post({ parley: 1, type: 'storage', key: event.key, value: event.newValue });
  };

  win.addEventListener('message', onMessage);
  win.addEventListener('resize', onResize);
  win.addEventListener('storage', onStorage);
  const attach = () => (doc.body || doc.documentElement).appendChild(container);
  if (doc.body) attach();
  else doc.addEventListener('DOMContentLoaded', attach, { once: true } as AddEventListenerOptions);

  const api: ParleyApi = {
    open: () => send({ name: 'open' }),
    close: () => send({ name: 'close' }),
    toggle: () => send({ name: 'toggle' }),
    setUser(user) {
      if (!user || typeof user.identifier !== 'string' || !user.identifier) {
        throw new TypeError('Parley.setUser: `identifier` (a non-empty string) is required');
      }
      const copy: WidgetUser = { identifier: user.identifier };
      if (typeof user.name === 'string') copy.name = user.name;
      if (typeof user.email === 'string') copy.email = user.email;
      if (typeof user.identifierHash === 'string') copy.identifierHash = user.identifierHash;
      send({ name: 'setUser', user: copy });
    },
    on(event, handler) {
      if (EVENTS.indexOf(event) < 0 || typeof handler !== 'function') {
        throw new TypeError('Parley.on: unknown event or handler');
      }
      handlers[event].push(handler);
      return () => {
        const list = handlers[event];
        const index = list.indexOf(handler);
        if (index >= 0) list.splice(index, 1);
      };
    },
  };

  return {
    api,
    container,
    iframe,
    destroy() {
      win.removeEventListener('message', onMessage);
      win.removeEventListener('resize', onResize);
      win.removeEventListener('storage', onStorage);
      container.remove();
    },
  };
}

// The host page's storage may be blocked too (sandboxed pages, strict privacy modes): then nothing persists.
function readStorage(win: Window, prefix: string): Record<string, string> {
  const values: Record<string, string> = {};
  try {
    const storage = win.localStorage;
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      const value = key && key.indexOf(prefix) === 0 ? storage.getItem(key) : null;
      if (key && value !== null) values[key] = value;
    }
  } catch {
    // Unavailable: start empty.
  }
  return values;
}

function writeStorage(win: Window, key: string, value: string | null): void {
  try {
    if (value === null) win.localStorage.removeItem(key);
    else win.localStorage.setItem(key, value);
  } catch {
    // Unavailable or full: the frame keeps the value in memory for this page view.
  }
}

function isMobile(win: Window): boolean {
  return win.innerWidth < MOBILE_MAX_WIDTH;
}
