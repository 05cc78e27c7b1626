import type { HttpTestingController } from '@angular/common/http/testing';
import type { Provider } from '@angular/core';
import type { AgentServerEvent, AgentServerEvents } from '../app/core/realtime/agent-events';
import { AGENT_SOCKET_FACTORY, AgentSocketLike } from '../app/core/realtime/socket-factory';

type Listener = (...args: never[]) => void;

/** An in-memory /agents socket: tests play the server with `serverConnect()` and `receive(event, data)`. */
export class FakeAgentSocket implements AgentSocketLike {
  connected = false;
  /** socket.io-client's flag: false after the server's handshake check refused the connection. */
  active = true;
  connectCalls = 0;
  readonly emitted: { event: string; payload: unknown }[] = [];
  /** What an acknowledged emit answers. */
  ack: (event: string, payload: unknown) => unknown = () => ({ ok: true });
  readonly #listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener): this {
    const listeners = this.#listeners.get(event) ?? new Set<Listener>();
    listeners.add(listener);
    this.#listeners.set(event, listeners);
    return this;
  }

  off(event: string, listener?: Listener): this {
    if (listener) this.#listeners.get(event)?.delete(listener);
    else this.#listeners.delete(event);
    return this;
  }

  emit(event: string, payload?: unknown): this {
    this.emitted.push({ event, payload });
    return this;
  }

  timeout(): { emitWithAck(event: string, payload?: unknown): Promise<unknown> } {
    return {
      emitWithAck: async (event, payload) => {
        this.emitted.push({ event, payload });
        return this.ack(event, payload);
      },
    };
  }

  connect(): this {
    this.connectCalls++;
    return this;
  }

  disconnect(): this {
    this.connected = false;
    return this;
  }

  serverConnect(): void {
    this.connected = true;
    this.active = true;
    this.#fire('connect');
  }

  serverDisconnect(reason = 'transport close'): void {
    this.connected = false;
    this.#fire('disconnect', reason);
  }

  refuse(message: 'unauthorized' | 'service_unavailable'): void {
    this.active = false;
    this.#fire('connect_error', new Error(message));
  }

  receive<E extends AgentServerEvent>(event: E, data: AgentServerEvents[E]): void {
    this.#fire(event, data);
  }

  emittedOf(event: string): unknown[] {
    return this.emitted.filter((e) => e.event === event).map((e) => e.payload);
  }

  #fire(event: string, ...args: unknown[]): void {
    for (const listener of this.#listeners.get(event) ?? []) listener(...(args as never[]));
  }
}

/** Replaces socket.io with `socket`. */
export function provideFakeAgentSocket(socket: FakeAgentSocket): Provider {
  return { provide: AGENT_SOCKET_FACTORY, useValue: () => Promise.resolve(socket) };
}

/**
 * Answers the reference-data requests screens make on their own (inboxes, labels, agents...),
 * so a test can verify() the requests it cares about.
 */
export function flushWorkspaceRequests(backend: HttpTestingController): void {
  const lists = [
    '/api/v1/inboxes',
    '/api/v1/labels',
    '/api/v1/teams',
    '/api/v1/agents',
    '/api/v1/canned-responses',
    '/api/v1/ai/categories',
  ];
  for (const request of backend.match((r) => lists.includes(r.url))) request.flush([]);
}
