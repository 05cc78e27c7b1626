import type { VisitorMessage, WidgetSessionResponse } from '@parley/shared/contracts';
import type { Clock } from '../frame/core/outbox-sender';
import type { WidgetSocket } from '../frame/core/transport';

/** A clock whose time moves only when the test says so. */
export class ManualClock implements Clock {
  private timers: { at: number; fn: () => void }[] = [];
  constructor(public current = 1_700_000_000_000) {}
  now = () => this.current;
  setTimeout = (fn: () => void, ms: number) => {
    const timer = { at: this.current + ms, fn };
    this.timers.push(timer);
    return timer;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t !== handle);
  };
  advance(ms: number): void {
    const until = this.current + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = due.at;
      due.fn();
    }
    this.current = until;
  }
}

type Responder = (payload: any) => unknown;

/** Stands in for the socket.io socket: the test plays the server. */
export class FakeSocket implements WidgetSocket {
  connected = false;
  active = true;
  connectCalls = 0;
  readonly emitted: { event: string; payload: any }[] = [];
  readonly requests: { event: string; payload: any }[] = [];
  private readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  /** Requests without a responder stay pending, like an ack that never comes. */
  readonly responders: Record<string, Responder> = {
    'conversation.sync': () => ({ ok: true, messages: [], agentLastReadSeq: 0 }),
  };

  on(event: string, listener: (...args: never[]) => void) {
    this.listeners.set(event, (this.listeners.get(event) || []).concat(listener as (...args: unknown[]) => void));
    return this;
  }
  emit(event: string, payload: unknown) {
    this.emitted.push({ event, payload });
    return this;
  }
  request<T>(event: string, payload: unknown): Promise<T> {
    this.requests.push({ event, payload });
    const responder = this.responders[event];
    if (!responder) return new Promise<T>(() => undefined);
    return Promise.resolve(responder(payload) as T);
  }
  connect() {
    this.connectCalls++;
    return this;
  }
  disconnect() {
    if (this.connected) this.drop();
    return this;
  }

  // --- the server's side ---
  accept(): void {
    this.connected = true;
    this.active = true;
    this.fire('connect');
  }
  drop(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
  /** Like a server shutting down: socket.io does not reconnect on its own after this. */
  kick(): void {
    this.connected = false;
    this.active = false;
    this.fire('disconnect', 'io server disconnect');
  }
  refuse(message: string): void {
    this.connected = false;
    this.active = false;
    this.fire('connect_error', new Error(message));
  }
  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) || []) listener(...args);
  }
  requestsFor(event: string) {
    return this.requests.filter((r) => r.event === event);
  }
}

export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function message(overrides: Partial<VisitorMessage> & { seq: number }): VisitorMessage {
  return {
    id: 'm' + overrides.seq,
    conversationId: 'c1',
    messageType: 'outgoing',
    body: 'message ' + overrides.seq,
    clientMessageId: null,
    content: null,
    sender: { type: 'agent', name: 'Jane Doe', avatarUrl: null },
    createdAt: new Date(Date.UTC(2026, 0, 1, 9, 0, overrides.seq)).toISOString(),
    ...overrides,
  };
}

export function session(overrides: Partial<WidgetSessionResponse> = {}): WidgetSessionResponse {
  return {
    visitorToken: 'vt-1',
    contact: { id: 'contact-1', name: null, email: null, phone: null },
    conversations: [],
    inbox: { name: 'Website chat', availability: { online: true, expectedReplyMinutes: 5, nextOpenAt: null }, greeting: null, flow: null },
    ...overrides,
  };
}
