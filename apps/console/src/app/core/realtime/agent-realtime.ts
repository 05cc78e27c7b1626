import { DestroyRef, Injectable, computed, effect, inject, signal } from '@angular/core';
import type { Ack } from '@parley/shared/contracts';
import { Observable, Subject } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import type { AgentClientEvent, AgentClientEvents, AgentServerEvent, AgentServerEvents } from './agent-events';
import { AGENT_SOCKET_FACTORY, AgentSocketLike } from './socket-factory';

/** `idle`: not started or stopped; `connecting`: first connection; `reconnecting`: lost, trying again. */
export type RealtimeStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting';

const SERVER_EVENTS: readonly AgentServerEvent[] = [
  'conversation.created',
  'conversation.updated',
  'message.created',
  'typing',
  'message.read',
  'presence.updated',
  'triage.completed',
  'triage.failed',
  'reply_draft.created',
  'reply_draft.updated',
  'reply_draft.streaming',
  'quote_request.created',
  'quote_request.updated',
  'contact.captured',
];

const ACK_TIMEOUT_MS = 8_000;
const RETRY_DELAYS_MS = [1_000, 3_000, 10_000, 30_000];

/**
 * The console's one `/agents` socket, shared by every feature.
 *
 * - `start()` once signed in (the shell does); it stops by itself when the session ends.
 * - `on('message.created')` etc.: typed events as Observables; subscribe with `takeUntilDestroyed`.
 * - `resyncs`: goes up each time the socket is back after a loss. Events sent meanwhile are gone,
 *   so a store that shows live data reloads when it changes.
 * - `request(event, payload)`: an acknowledged emit; never throws, answers `{ ok: false }` when offline.
 *
 * The access token is read on every (re)connection. A handshake the API refuses as `unauthorized`
 * (token expired) refreshes the token through AuthService and connects again.
 */
@Injectable({ providedIn: 'root' })
export class AgentRealtime {
  readonly #auth = inject(AuthService);
  readonly #factory = inject(AGENT_SOCKET_FACTORY);
  readonly #status = signal<RealtimeStatus>('idle');
  readonly #resyncs = signal(0);
  readonly #subjects = new Map<AgentServerEvent, Subject<unknown>>();
  #socket: AgentSocketLike | null = null;
  #starting = false;
  #everConnected = false;
  #refusals = 0;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;

  readonly status = this.#status.asReadonly();
  readonly connected = computed(() => this.#status() === 'connected');
  readonly resyncs = this.#resyncs.asReadonly();

  constructor() {
    effect(() => {
      if (!this.#auth.isAuthenticated()) this.stop();
    });
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  start(): void {
    if (this.#socket || this.#starting || !this.#auth.isAuthenticated()) return;
    this.#starting = true;
    this.#status.set('connecting');
    this.#factory(() => this.#auth.accessToken()).then(
      (socket) => {
        this.#starting = false;
        // Signed out while socket.io-client was loading.
        if (!this.#auth.isAuthenticated()) {
          socket.disconnect();
          this.#status.set('idle');
          return;
        }
        this.#attach(socket);
      },
      () => {
        this.#starting = false;
        this.#status.set('idle');
      },
    );
  }

  stop(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    const socket = this.#socket;
    this.#socket = null;
    this.#everConnected = false;
    this.#refusals = 0;
    socket?.disconnect();
    if (this.#status() !== 'idle') this.#status.set('idle');
  }

  on<E extends AgentServerEvent>(event: E): Observable<AgentServerEvents[E]> {
    return this.#subject(event).asObservable() as Observable<AgentServerEvents[E]>;
  }

  /** Fire and forget (typing indicators): dropped when offline. */
  send<E extends AgentClientEvent>(event: E, payload: AgentClientEvents[E]['payload']): void {
    if (this.#socket?.connected) this.#socket.emit(event, payload);
  }

  /** An acknowledged emit. Offline or unanswered: `{ ok: false, error: { code: 'service_unavailable' } }`. */
  async request<E extends AgentClientEvent>(event: E, payload: AgentClientEvents[E]['payload']): Promise<AgentClientEvents[E]['ack']> {
    const socket = this.#socket;
    if (!socket?.connected) return unavailable('not connected');
    try {
      return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as AgentClientEvents[E]['ack'];
    } catch {
      return unavailable('no acknowledgement');
    }
  }

  #subject(event: AgentServerEvent): Subject<unknown> {
    let subject = this.#subjects.get(event);
    if (!subject) {
      subject = new Subject<unknown>();
      this.#subjects.set(event, subject);
    }
    return subject;
  }

  #attach(socket: AgentSocketLike): void {
    this.#socket = socket;
    for (const event of SERVER_EVENTS) {
      const subject = this.#subject(event);
      socket.on(event, (data: never) => subject.next(data));
    }
    socket.on('connect', () => {
      this.#refusals = 0;
      this.#status.set('connected');
      if (this.#everConnected) this.#resyncs.update((n) => n + 1);
      this.#everConnected = true;
    });
    socket.on('disconnect', (reason: never) => {
      if (this.#socket !== socket) return;
      this.#status.set('reconnecting');
      // The server closed it on purpose (e.g. an outage): socket.io does not reconnect by itself then.
      if ((reason as string) === 'io server disconnect') this.#retry(socket);
    });
    socket.on('connect_error', (error: never) => {
      if (this.#socket !== socket) return;
      const active = (socket as { active?: boolean }).active;
      if (active) return; // a transport failure: socket.io retries on its own
      if (this.#status() === 'connected') this.#status.set('reconnecting');
      // Refused by the API's handshake check. An expired token is refreshed first; a refresh the API
      // rejects ends the session (AuthService), which stops this socket through the effect above.
      if ((error as Error)?.message === 'unauthorized') {
        this.#auth.refreshAccessToken().subscribe({
          next: () => this.#retry(socket),
          error: () => (this.#auth.isAuthenticated() ? this.#retry(socket) : undefined),
        });
      } else {
        this.#retry(socket);
      }
    });
    socket.connect();
  }

  #retry(socket: AgentSocketLike): void {
    if (this.#socket !== socket || this.#retryTimer) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.#refusals, RETRY_DELAYS_MS.length - 1)];
    this.#refusals++;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      if (this.#socket === socket && !socket.connected) socket.connect();
    }, delay);
  }
}

function unavailable(message: string): Ack<never> {
  return { ok: false, error: { code: 'service_unavailable', message } };
}
