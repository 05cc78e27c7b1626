import { isBridgeMessage, type FrameToHost, type HostCommand, type HostToFrame } from '../../shared/bridge';

export interface HostHandlers {
  init(commands: HostCommand[], mobile: boolean, hostStorage: Record<string, string>): void;
  layout(mobile: boolean): void;
  command(command: HostCommand): void;
  storage(key: string, value: string | null): void;
}

export interface HostBridge {
  post(message: FrameToHost): void;
}

/** Without a loader answering (frame.html opened on its own), start anyway after this long. */
const INIT_TIMEOUT_MS = 3_000;

/**
 * The page embedding us. `ancestorOrigins` comes from the browser and cannot be forged by the page;
 * where it is missing (Firefox) we use the origin the loader put in the URL.
 */
export function resolveHostOrigin(location: Location, param: string | null): string | null {
  const ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length) return ancestors[0];
  if (!param) return null;
  try {
    const url = new URL(param);
    return url.origin === param ? param : null;
  } catch {
    return null;
  }
}

export function connectToHost(win: Window, hostOrigin: string | null, handlers: HostHandlers): HostBridge {
  let initialised = false;
  const init = (commands: HostCommand[], mobile: boolean, hostStorage: Record<string, string>) => {
    if (initialised) return;
    initialised = true;
    handlers.init(commands, mobile, hostStorage);
  };
  const standaloneMobile = () => win.innerWidth < 640;

  if (!hostOrigin || win.parent === win) {
    win.setTimeout(() => init([], standaloneMobile(), {}));
    return { post: () => undefined };
  }

  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== win.parent || event.origin !== hostOrigin) return;
    if (!isBridgeMessage<HostToFrame>(event.data)) return;
    const message = event.data;
    if (message.type === 'init') {
      const commands = Array.isArray(message.commands) ? message.commands : [];
      const storage = message.storage && typeof message.storage === 'object' ? message.storage : {};
      if (!initialised) return init(commands, !!message.mobile, storage);
      // The fallback timer started us before a slow host answered: apply its answer now.
      handlers.layout(!!message.mobile);
      commands.forEach((command) => handlers.command(command));
    } else if (message.type === 'storage' && typeof message.key === 'string') {
      handlers.storage(message.key, typeof message.value === 'string' ? message.value : null);
    } else if (message.type === 'layout') {
      handlers.layout(!!message.mobile);
    } else if (message.type === 'command' && message.command) {
      if (initialised) handlers.command(message.command);
    }
  });
  const post = (message: FrameToHost) => win.parent.postMessage(message, hostOrigin);
  post({ parley: 1, type: 'ready' });
  win.setTimeout(() => init([], standaloneMobile(), {}), INIT_TIMEOUT_MS);
  return { post };
}
