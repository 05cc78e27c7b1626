import type { ErrorCode, FlowChoice } from '@parley/shared/contracts';
import type { KeyValueStore } from './storage';

export interface OutboxEntry {
  /** Sent unchanged on every attempt so the server stores the message once however often we retry. */
  clientMessageId: string;
  body: string;
  /** Null: let the server open a conversation (or continue the visitor's open one). */
  conversationId: string | null;
  /** A flow button click (the body is its label), resent with the click until acknowledged; absent for typed messages. */
  flow?: FlowChoice;
  /** The visitor's language, for the server's answer to a click. */
  locale?: 'ko' | 'en';
  createdAt: string;
  attempts: number;
  /** Epoch ms before which the entry is not resent. */
  nextAttemptAt: number;
  /** Set when the server refused the message for good; the visitor chooses retry or delete. */
  failed: { code: ErrorCode | string; message: string } | null;
}

/** Refusals that resending the same payload cannot fix. */
export const PERMANENT_ERRORS: readonly string[] = [
  'message_too_long',
  'message_empty',
  'invalid_payload',
  'forbidden',
  'validation_failed',
  'payload_too_large',
];

export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1_000 * Math.pow(2, Math.max(0, attempts - 1)));
  // Jitter spreads the reconnect stampede after a server restart.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function newClientMessageId(cryptoImpl: Crypto | undefined = globalThis.crypto): string {
  if (cryptoImpl && typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID();
  // randomUUID is missing on plain-http hosts (not a secure context) and older Safari.
  const bytes = new Uint8Array(16);
  if (cryptoImpl && typeof cryptoImpl.getRandomValues === 'function') cryptoImpl.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.prototype.map.call(bytes, (b: number) => (b + 0x100).toString(16).slice(1)).join('');
  return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
}

/**
 * Messages the server has not acknowledged yet, persisted so a reload or a crash loses nothing.
 * Every change re-reads storage first: another tab of the same site shares this outbox, and
 * resending an entry that tab created is harmless because the server dedupes by clientMessageId.
 */
export class Outbox {
  private entries: OutboxEntry[];

  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {
    this.entries = this.load();
  }

  list(): readonly OutboxEntry[] {
    return this.entries;
  }

  get(clientMessageId: string): OutboxEntry | undefined {
    return this.entries.find((entry) => entry.clientMessageId === clientMessageId);
  }

  add(body: string, conversationId: string | null, now: number, click?: { flow: FlowChoice; locale: 'ko' | 'en' }, clientMessageId = newClientMessageId()): OutboxEntry {
    const entry: OutboxEntry = {
      clientMessageId,
      body,
      conversationId,
      createdAt: new Date(now).toISOString(),
      attempts: 0,
      nextAttemptAt: now,
      failed: null,
    };
    if (click) {
      entry.flow = { stepId: click.flow.stepId, buttonId: click.flow.buttonId };
      entry.locale = click.locale;
    }
    this.mutate((entries) => entries.concat(entry));
    return entry;
  }

  /** The oldest entry still to send. Later ones wait behind it so the visitor's messages keep their order. */
  head(): OutboxEntry | null {
    return this.entries.find((entry) => !entry.failed) || null;
  }

  /** Removes the entry; returns it only if it was still waiting (a late duplicate ack returns undefined). */
  acknowledge(clientMessageId: string): OutboxEntry | undefined {
    const entry = this.get(clientMessageId);
    this.mutate((entries) => entries.filter((e) => e.clientMessageId !== clientMessageId));
    return entry;
  }

  postpone(clientMessageId: string, now: number, delayMs: number): void {
    this.update(clientMessageId, (e) => ({ ...e, attempts: e.attempts + 1, nextAttemptAt: now + Math.max(0, delayMs) }));
  }

  fail(clientMessageId: string, error: { code: string; message: string }): void {
    this.update(clientMessageId, (e) => ({ ...e, attempts: e.attempts + 1, failed: { code: error.code, message: error.message } }));
  }

  retry(clientMessageId: string, now: number): void {
    this.update(clientMessageId, (e) => ({ ...e, attempts: 0, nextAttemptAt: now, failed: null }));
  }

  remove(clientMessageId: string): void {
    this.acknowledge(clientMessageId);
  }

  /** Entries written before the first conversation existed follow the first message into it. */
  assignConversation(conversationId: string): void {
    if (this.entries.some((e) => e.conversationId === null)) {
      this.mutate((entries) => entries.map((e) => (e.conversationId === null ? { ...e, conversationId } : e)));
    }
  }

  /** The visitor became a new contact: their old conversation ids would be refused as someone else's. */
  detachConversations(): void {
    if (this.entries.some((e) => e.conversationId !== null)) {
      this.mutate((entries) => entries.map((e) => ({ ...e, conversationId: null })));
    }
  }

  /** Picks up changes made by another tab. */
  reload(): void {
    this.entries = this.load();
  }

  clear(): void {
    this.entries = [];
    this.store.remove(this.key);
  }

  private update(clientMessageId: string, change: (entry: OutboxEntry) => OutboxEntry): void {
    this.mutate((entries) => entries.map((e) => (e.clientMessageId === clientMessageId ? change(e) : e)));
  }

  private mutate(change: (entries: OutboxEntry[]) => OutboxEntry[]): void {
    const next = change(this.load());
    this.entries = next;
    if (next.length) this.store.set(this.key, JSON.stringify(next));
    else this.store.remove(this.key);
  }

  private load(): OutboxEntry[] {
    const raw = this.store.get(this.key);
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return [];
    }
  }
}

function isEntry(value: unknown): value is OutboxEntry {
  const e = value as OutboxEntry;
  const flowOk = e && (e.flow === undefined || (!!e.flow && typeof e.flow.stepId === 'string' && typeof e.flow.buttonId === 'string'));
  return !!e && typeof e.clientMessageId === 'string' && typeof e.body === 'string' && typeof e.nextAttemptAt === 'number' && flowOk;
}
