import { io, type Socket } from 'socket.io-client';
import type { ApiError, WidgetSessionRequest, WidgetSessionResponse } from '@parley/shared/contracts';

/** `hostOrigin` lets the server check the page against the inbox's allowed origins. */
export type SessionRequest = WidgetSessionRequest & { hostOrigin: string };

export class SessionError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** Worth retrying later: the network, a restart, rate limiting. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export async function createSession(host: string, request: SessionRequest, fetchImpl: typeof fetch = fetch):
  Promise<WidgetSessionResponse> {
  let response: Response;
  try {
    response = await fetchImpl(host + '/api/v1/widget/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      credentials: 'omit',
    });
  } catch (error) {
    throw new SessionError(0, 'network', error instanceof Error ? error.message : 'network error');
  }
  const body = (await response.json().catch(() => null)) as WidgetSessionResponse | ApiError | null;
  if (!response.ok || !body) {
    const error = body as ApiError | null;
    throw new SessionError(response.status, (error && error.code) || 'internal_error', (error && error.message) || response.statusText);
  }
  return body as WidgetSessionResponse;
}

/** The slice of a socket.io socket the controller uses, so tests can hand it a fake. */
export interface WidgetSocket {
  readonly connected: boolean;
  /** False after a middleware refusal: socket.io then stops reconnecting on its own. */
  readonly active: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, payload: unknown): unknown;
  request<T>(event: string, payload: unknown, timeoutMs: number): Promise<T>;
  connect(): unknown;
  disconnect(): unknown;
}

/**
 * `host` may carry a path prefix (https://example.com/parley); socket.io would read it as the
 * namespace, so the prefix moves into `path`. `auth` is a function so every reconnect uses the current token.
 */
export function openWidgetSocket(host: string, visitorToken: () => string | null): WidgetSocket {
  const url = new URL(host);
  const prefix = url.pathname.replace(/\/$/, '');
  const socket: Socket = io(url.origin + '/widget', {
    path: prefix + '/socket.io',
    transports: ['websocket'],
    auth: (cb) => cb({ visitorToken: visitorToken() }),
  });
  return {
    get connected() {
      return socket.connected;
    },
    get active() {
      return socket.active;
    },
    on: (event, listener) => socket.on(event, listener as (...args: unknown[]) => void),
    emit: (event, payload) => socket.emit(event, payload),
    request: <T>(event: string, payload: unknown, timeoutMs: number) =>
      socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>,
    connect: () => socket.connect(),
    disconnect: () => socket.disconnect(),
  };
}
