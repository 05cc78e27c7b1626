import type { SendMessageAck, SendMessagePayload } from '@parley/shared/contracts';
import { backoffDelay, PERMANENT_ERRORS, type Outbox, type OutboxEntry } from './outbox';

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SendChannel {
  isConnected(): boolean;
  /** Rejects on ack timeout or a dropped connection; the entry is then resent. */
  send(payload: SendMessagePayload): Promise<SendMessageAck>;
}

export interface SenderHooks {
  conversationFor(entry: OutboxEntry): string | undefined;
  acknowledged(entry: OutboxEntry, message: Extract<SendMessageAck, { ok: true }>['message']): void;
  changed(): void;
}

/**
 * Drains the outbox one message at a time: in order, with backoff, honouring the server's
 * `retryAfterMs`. Resends reuse the clientMessageId, so a lost ack costs a round trip, never a duplicate.
 */
export class OutboxSender {
  private inFlight: string | null = null;
  private generation = 0;
  private timer: unknown = null;

  constructor(
    private readonly outbox: Outbox,
    private readonly channel: SendChannel,
    private readonly hooks: SenderHooks,
    private readonly clock: Clock = systemClock,
    private readonly random: () => number = Math.random,
  ) {}

  /** Call after anything that may let a message go: a new entry, a (re)connect, a retry. */
  kick(): void {
    if (this.inFlight || !this.channel.isConnected()) return;
    this.clearTimer();
    const entry = this.outbox.head();
    if (!entry) return;
    const wait = entry.nextAttemptAt - this.clock.now();
    if (wait > 0) {
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.kick();
      }, wait);
      return;
    }
    this.attempt(entry);
  }

  /** The connection dropped: whatever was in flight is resent on the next connect. */
  reset(): void {
    this.generation++;
    this.inFlight = null;
    this.clearTimer();
  }

  private attempt(entry: OutboxEntry): void {
    const generation = this.generation;
    const id = entry.clientMessageId;
    this.inFlight = id;
    const payload: SendMessagePayload = { clientMessageId: id, body: entry.body };
    const conversationId = this.hooks.conversationFor(entry);
    if (conversationId) payload.conversationId = conversationId;
    if (entry.flow) payload.flow = entry.flow;
    if (entry.locale) payload.locale = entry.locale;

    const settle = (ack: SendMessageAck | null) => {
      if (generation === this.generation) this.inFlight = null;
      if (ack && ack.ok) {
        // Even a late ack from before a reconnect is the truth about that message.
        const acked = this.outbox.acknowledge(id);
        if (acked) this.hooks.acknowledged(acked, ack.message);
      } else if (this.outbox.get(id) && !(ack === null && generation !== this.generation)) {
        const current = this.outbox.get(id) as OutboxEntry;
        if (ack && PERMANENT_ERRORS.indexOf(ack.error.code) >= 0) {
          this.outbox.fail(id, ack.error);
        } else if (ack && ack.error.code === 'rate_limited' && typeof ack.error.retryAfterMs === 'number') {
          this.outbox.postpone(id, this.clock.now(), ack.error.retryAfterMs);
        } else {
          this.outbox.postpone(id, this.clock.now(), backoffDelay(current.attempts + 1, this.random));
        }
      }
      this.hooks.changed();
      if (generation === this.generation) this.kick();
    };

    this.channel.send(payload).then(settle, () => settle(null));
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
