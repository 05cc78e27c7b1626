import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { MessageDto, SendMessageAck, SendMessagePayload } from '@parley/shared/contracts';

/**
 * Tiny live-chat clients for process-level tests, written the way a real widget and console
 * should behave across crashes: the visitor keeps an outbox, the agent resyncs over REST.
 */

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const socketOptions = (auth: Record<string, unknown>) => ({
  transports: ['websocket'],
  auth,
  forceNew: true,
  reconnection: true,
  reconnectionDelay: 100,
  reconnectionDelayMax: 1000,
  timeout: 5000,
});

/**
 * Network-level failures (`socket.active`) are retried by socket.io-client itself. A refusal by the
 * server's middleware is not: `service_unavailable` (the database is away) is retried here with the
 * same token; `unauthorized` and `forbidden` end the client, which is a test failure.
 */
function retryRefusal(socket: Socket, name: string, e: Error, closed: () => boolean, fail: (e: Error) => void): void {
  if (socket.active || closed()) return;
  if (e.message === 'service_unavailable') setTimeout(() => closed() || socket.connect(), 500);
  else fail(new Error(`${name} socket refused: ${e.message}`));
}

/** Re-checks waiting predicates whenever the client's state changes: no polling, no fixed sleeps. */
class Watch {
  private readonly waiters = new Set<() => void>();

  notify(): void {
    for (const w of [...this.waiters]) w();
  }

  until(check: () => boolean, timeoutMs: number, what: () => string, failed: () => Error | undefined = () => undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (e?: Error) => {
        clearTimeout(timer);
        this.waiters.delete(test);
        if (e) reject(e);
        else resolve();
      };
      const test = () => {
        const failure = failed();
        if (failure) done(failure);
        else if (check()) done();
      };
      const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`)), timeoutMs);
      this.waiters.add(test);
      test();
    });
  }
}

/** JSON over fetch with an optional bearer token; `status` 0 when the server did not answer. */
export async function json<T = any>(
  url: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<{ status: number; body: T }> {
  try {
    const res = await fetch(url, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { 'content-type': 'application/json', ...(init.token && { authorization: `Bearer ${init.token}` }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as T };
  } catch {
    return { status: 0, body: null as T };
  }
}

/** The next `event` on `socket` that passes `filter`, or a rejection after `ms`. */
export function nextEvent<T = any>(socket: Socket, event: string, filter: (p: T) => boolean = () => true, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (socket.off(event, on), reject(new Error(`no ${event} within ${ms} ms`))), ms);
    const on = (p: T) => {
      if (!filter(p)) return;
      clearTimeout(timer);
      socket.off(event, on);
      resolve(p);
    };
    socket.on(event, on);
  });
}

export interface AckedMessage {
  clientMessageId: string;
  body: string;
  id: string;
  conversationId: string;
  seq: number;
  /** Attempts it took, rate-limit retries included. */
  attempts: number;
  ackedAt: number;
}

interface Pending {
  clientMessageId: string;
  body: string;
  attempts: number;
  /** How the last attempt ended when it was not acked: stored or not is unknown, or refused by the rate limit. */
  last?: 'unknown' | 'rate_limited';
  /** Some attempt ended with an unknown outcome: an ack now may be the server answering from its idempotency record. */
  everUnknown: boolean;
}

export interface OutboxFigures {
  queued: number;
  attempts: number;
  /** Sends of a message whose previous attempt had an unknown outcome (disconnect, ack timeout, service_unavailable). */
  resends: number;
  /** Sends of a message the rate limit refused before. attempts = queued + resends + rateLimitedRetries. */
  rateLimitedRetries: number;
  /** Resends the server answered with the message it had already stored (nothing new written). */
  duplicatesSuppressed: number;
  rateLimited: number;
  unavailable: number;
  /** `internal_error` acks: retried like unavailable ones, but a healthy server should never send them. */
  internalErrors: number;
  ackTimeouts: number;
  /** Attempts cut off by a disconnect before their ack arrived. */
  lostInFlight: number;
  reconnects: number;
}

/**
 * A visitor with an outbox. Every message stays in the outbox, by clientMessageId, until the
 * server acks it; on (re)connect the unacked ones are sent again in order with the same
 * clientMessageId. One message is in flight at a time: the server gives concurrent sends of one
 * conversation no order, so pipelining could store a burst out of order.
 */
export class VisitorOutbox {
  readonly socket: Socket;
  readonly acked: AckedMessage[] = [];
  readonly figures: OutboxFigures = {
    queued: 0,
    attempts: 0,
    resends: 0,
    rateLimitedRetries: 0,
    duplicatesSuppressed: 0,
    rateLimited: 0,
    unavailable: 0,
    internalErrors: 0,
    ackTimeouts: 0,
    lostInFlight: 0,
    reconnects: 0,
  };
  /** Ack codes seen, with counts, for the report. */
  readonly errors = new Map<string, number>();
  conversationId: string | undefined;
  private readonly unacked: Pending[] = [];
  private readonly watch = new Watch();
  private pumping = false;
  private connectedOnce = false;
  private closed = false;
  private failure: Error | undefined;
  private backoffMs = 0;

  constructor(
    url: string,
    visitorToken: string,
    private readonly opts: { ackTimeoutMs?: number } = {},
  ) {
    this.socket = io(`${url}/widget`, socketOptions({ visitorToken }));
    this.socket.on('connect', () => {
      if (this.connectedOnce) this.figures.reconnects++;
      this.connectedOnce = true;
      this.watch.notify();
      void this.pump();
    });
    this.socket.on('disconnect', () => this.watch.notify());
    this.socket.on('connect_error', (e) =>
      retryRefusal(
        this.socket,
        'visitor',
        e,
        () => this.closed,
        (err) => this.fail(err),
      ),
    );
  }

  /** Queues a message; returns its clientMessageId. */
  send(body: string, clientMessageId: string = randomUUID()): string {
    this.unacked.push({ clientMessageId, body, attempts: 0, everUnknown: false });
    this.figures.queued++;
    void this.pump();
    return clientMessageId;
  }

  get pending(): number {
    return this.unacked.length;
  }

  whenConnected(timeoutMs = 10_000): Promise<void> {
    return this.waitFor(
      () => this.socket.connected,
      timeoutMs,
      () => 'the visitor socket to connect',
    );
  }

  whenAcked(count: number, timeoutMs: number): Promise<void> {
    return this.waitFor(
      () => this.acked.length >= count,
      timeoutMs,
      () => `${count} acked messages (have ${this.acked.length}; ${JSON.stringify(this.figures)})`,
    );
  }

  /** Resolves when `check` holds after some state change (an ack, an error, a (dis)connect). */
  waitFor(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
    return this.watch.until(check, timeoutMs, what, () => this.failure);
  }

  close(): void {
    this.closed = true;
    this.socket.close();
    this.watch.notify();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.watch.notify();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.closed && !this.failure && this.socket.connected && this.unacked.length) await this.deliverHead();
    } finally {
      this.pumping = false;
    }
  }

  private async deliverHead(): Promise<void> {
    const head = this.unacked[0]!;
    if (head.last === 'unknown') this.figures.resends++;
    if (head.last === 'rate_limited') this.figures.rateLimitedRetries++;
    head.attempts++;
    this.figures.attempts++;
    const startedAt = Date.now();
    const payload: SendMessagePayload = {
      clientMessageId: head.clientMessageId,
      body: head.body,
      ...(this.conversationId && { conversationId: this.conversationId }),
    };
    let ack: SendMessageAck;
    try {
      ack = await this.socket.timeout(this.opts.ackTimeoutMs ?? 10_000).emitWithAck('message.send', payload);
    } catch {
      // No ack: a timeout, or the connection dropped. The server may have stored it; the same clientMessageId makes resending safe.
      head.last = 'unknown';
      head.everUnknown = true;
      if (this.socket.connected) {
        this.figures.ackTimeouts++;
        await this.backoff();
      } else {
        this.figures.lostInFlight++;
      }
      this.watch.notify();
      return;
    }
    if (ack.ok) {
      const m = ack.message;
      if (this.conversationId && m.conversationId !== this.conversationId)
        this.fail(new Error(`ack for ${head.clientMessageId} names conversation ${m.conversationId}, expected ${this.conversationId}`));
      this.conversationId ??= m.conversationId;
      // Stored before this attempt began: the server answered from its idempotency record.
      if (head.everUnknown && Date.parse(m.createdAt) < startedAt) this.figures.duplicatesSuppressed++;
      this.acked.push({
        clientMessageId: head.clientMessageId,
        body: head.body,
        id: m.id,
        conversationId: m.conversationId,
        seq: m.seq,
        attempts: head.attempts,
        ackedAt: Date.now(),
      });
      this.unacked.shift();
      this.backoffMs = 0;
      this.watch.notify();
      return;
    }
    const { code, retryAfterMs } = ack.error;
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
    if (code === 'rate_limited') {
      this.figures.rateLimited++;
      head.last = 'rate_limited'; // refused before anything was stored
      this.watch.notify();
      await sleep(retryAfterMs ?? 1000);
    } else if (code === 'service_unavailable' || code === 'internal_error') {
      if (code === 'service_unavailable') this.figures.unavailable++;
      else this.figures.internalErrors++;
      // The failure may have come after the commit (e.g. while loading the new conversation): unknown.
      head.last = 'unknown';
      head.everUnknown = true;
      this.watch.notify();
      await this.backoff();
    } else {
      this.fail(new Error(`message.send refused for ${head.clientMessageId}: ${code} ${ack.error.message}`));
    }
  }

  private backoff(): Promise<void> {
    this.backoffMs = Math.min(Math.max(this.backoffMs * 2, 100), 2000);
    return sleep(this.backoffMs);
  }
}

export interface FeedFigures {
  liveDeliveries: number;
  /** message.created for an id this client already had live: must stay 0. */
  liveDuplicates: number;
  resyncs: number;
  /** Messages that came in through REST resync, and of those, ones never delivered live. */
  resyncFetched: number;
  recoveredByResync: number;
  gapsDetected: number;
  reconnects: number;
}

/**
 * An agent console's view of message.created. It resyncs each conversation it knows through
 * `GET /conversations/:id/messages?after=<highest contiguous seq>` when it reconnects and when a
 * live delivery skips a seq; everything is deduplicated by message id.
 */
export class AgentFeed {
  readonly socket: Socket;
  readonly live: MessageDto[] = [];
  readonly byId = new Map<string, MessageDto>();
  readonly figures: FeedFigures = {
    liveDeliveries: 0,
    liveDuplicates: 0,
    resyncs: 0,
    resyncFetched: 0,
    recoveredByResync: 0,
    gapsDetected: 0,
    reconnects: 0,
  };
  private readonly liveIds = new Set<string>();
  private readonly seqs = new Map<string, { contiguous: number; ahead: Set<number> }>();
  private readonly resyncing = new Map<string, Promise<void>>();
  private readonly watch = new Watch();
  private connectedOnce = false;
  private closed = false;
  private failure: Error | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {
    this.socket = io(`${baseUrl}/agents`, socketOptions({ token }));
    this.socket.on('connect', () => {
      if (this.connectedOnce) {
        this.figures.reconnects++;
        for (const conversationId of this.seqs.keys()) void this.resync(conversationId);
      }
      this.connectedOnce = true;
      this.watch.notify();
    });
    this.socket.on('connect_error', (e) =>
      retryRefusal(
        this.socket,
        'agent',
        e,
        () => this.closed,
        (err) => this.fail(err),
      ),
    );
    this.socket.on('message.created', (m: MessageDto) => {
      this.figures.liveDeliveries++;
      this.live.push(m);
      if (this.liveIds.has(m.id)) this.figures.liveDuplicates++;
      this.liveIds.add(m.id);
      const before = this.contiguous(m.conversationId);
      this.record(m);
      if (m.seq > before + 1) {
        this.figures.gapsDetected++;
        void this.resync(m.conversationId);
      }
      this.watch.notify();
    });
  }

  whenConnected(timeoutMs = 10_000): Promise<void> {
    return this.waitFor(
      () => this.socket.connected,
      timeoutMs,
      () => 'the agent socket to connect',
    );
  }

  /** Messages of a conversation this client has, from either path, in seq order. */
  messages(conversationId: string): MessageDto[] {
    return [...this.byId.values()].filter((m) => m.conversationId === conversationId).sort((a, b) => a.seq - b.seq);
  }

  /** Highest seq up to which this client has every message of the conversation. */
  contiguous(conversationId: string): number {
    return this.seqs.get(conversationId)?.contiguous ?? 0;
  }

  waitFor(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
    return this.watch.until(check, timeoutMs, what, () => this.failure);
  }

  /** Fetches everything after the highest contiguous seq; one resync per conversation at a time. */
  resync(conversationId: string): Promise<void> {
    const previous = this.resyncing.get(conversationId) ?? Promise.resolve();
    const next = previous.then(() => this.fetchMissed(conversationId));
    this.resyncing.set(conversationId, next);
    return next;
  }

  close(): void {
    this.closed = true;
    this.socket.close();
    this.watch.notify();
  }

  private async fetchMissed(conversationId: string): Promise<void> {
    this.figures.resyncs++;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const after = this.contiguous(conversationId);
      const res = await json<MessageDto[]>(`${this.baseUrl}/api/v1/conversations/${conversationId}/messages?after=${after}&limit=100`, {
        token: this.token,
      });
      if (res.status !== 200) {
        // The API may still be starting or the database away: retry until the deadline.
        if (Date.now() > deadline)
          return this.fail(new Error(`resync of ${conversationId} failed: ${res.status} ${JSON.stringify(res.body)}`));
        await sleep(250);
        continue;
      }
      for (const m of res.body) {
        this.figures.resyncFetched++;
        if (!this.byId.has(m.id)) this.figures.recoveredByResync++;
        this.record(m);
      }
      this.watch.notify();
      if (res.body.length < 100) return;
    }
  }

  private record(m: MessageDto): void {
    this.byId.set(m.id, m);
    let s = this.seqs.get(m.conversationId);
    if (!s) this.seqs.set(m.conversationId, (s = { contiguous: 0, ahead: new Set() }));
    if (m.seq > s.contiguous) s.ahead.add(m.seq);
    while (s.ahead.delete(s.contiguous + 1)) s.contiguous++;
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.watch.notify();
  }
}
