import { InjectionToken } from '@angular/core';
import { NAMESPACES } from '@parley/shared/contracts';

/** The part of a socket.io-client `Socket` the console uses; tests provide a fake (src/testing/fake-agent-socket.ts). */
export interface AgentSocketLike {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener?: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
  connect(): unknown;
  disconnect(): unknown;
}

/** Opens the /agents socket; `token()` is asked on every (re)connection, so a refreshed access token is used. */
export type AgentSocketFactory = (token: () => string | null) => Promise<AgentSocketLike>;

/**
 * socket.io-client, loaded on first use so it stays out of the initial bundle. Same origin: in
 * production the API serves the console; the dev server proxies `/socket.io`.
 */
export const AGENT_SOCKET_FACTORY = new InjectionToken<AgentSocketFactory>('AGENT_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => async (token) => {
    const { io } = await import('socket.io-client');
    return io(NAMESPACES.agents, {
      // Websocket only, like the API: several API processes need no sticky sessions.
      transports: ['websocket'],
      // AgentRealtime attaches its listeners first, then connects.
      autoConnect: false,
      auth: (cb) => cb({ token: token() }),
      reconnectionDelayMax: 10_000,
    }) as unknown as AgentSocketLike;
  },
});
