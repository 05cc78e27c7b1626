import { beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay, newClientMessageId, Outbox } from './outbox';
import { frameLocalStorage, hostBackedStorage, storageKeys, type KeyValueStore } from './storage';

const KEY = storageKeys('inbox-1').outbox;
const NOW = 1_700_000_000_000;
const local = () => frameLocalStorage(window) as KeyValueStore;

describe('Outbox', () => {
  beforeEach(() => localStorage.clear());

  it('persists unacknowledged messages in localStorage under parley:<inboxToken>:outbox', () => {
    const outbox = new Outbox(local(), KEY);
    const entry = outbox.add('안녕하세요', 'c1', NOW);

    expect(KEY).toBe('parley:inbox-1:outbox');
    const stored = JSON.parse(localStorage.getItem(KEY) as string);
    expect(stored).toEqual([expect.objectContaining({ clientMessageId: entry.clientMessageId, body: '안녕하세요', conversationId: 'c1' })]);
  });

  it('survives a page reload with the same clientMessageIds, in order', () => {
    const before = new Outbox(local(), KEY);
    const first = before.add('first', null, NOW);
    const second = before.add('second', null, NOW + 1);

    const after = new Outbox(local(), KEY);
    expect(after.list().map((e) => [e.clientMessageId, e.body])).toEqual([
      [first.clientMessageId, 'first'],
      [second.clientMessageId, 'second'],
    ]);
    expect(after.head()?.clientMessageId).toBe(first.clientMessageId);
  });

  it('removes an entry once acknowledged and forgets the key when empty', () => {
    const outbox = new Outbox(local(), KEY);
    const entry = outbox.add('hello', null, NOW);

    expect(outbox.acknowledge(entry.clientMessageId)?.body).toBe('hello');
    expect(outbox.list()).toEqual([]);
    expect(localStorage.getItem(KEY)).toBeNull();
    // A duplicate ack (echo after the ack) is not a second delivery.
    expect(outbox.acknowledge(entry.clientMessageId)).toBeUndefined();
  });

  it('parks a failed entry until the visitor retries it, letting later messages go meanwhile', () => {
    const outbox = new Outbox(local(), KEY);
    const bad = outbox.add('x'.repeat(20), null, NOW);
    const good = outbox.add('fine', null, NOW);

    outbox.fail(bad.clientMessageId, { code: 'message_too_long', message: 'too long' });
    expect(outbox.head()?.clientMessageId).toBe(good.clientMessageId);
    expect(outbox.get(bad.clientMessageId)?.failed?.code).toBe('message_too_long');

    outbox.retry(bad.clientMessageId, NOW + 10);
    expect(outbox.get(bad.clientMessageId)?.failed).toBeNull();
    expect(outbox.head()?.clientMessageId).toBe(bad.clientMessageId);
  });

  it('does not overwrite entries another tab added to the shared outbox', () => {
    const tabA = new Outbox(local(), KEY);
    const tabB = new Outbox(local(), KEY);
    const fromA = tabA.add('from tab A', null, NOW);
    const fromB = tabB.add('from tab B', null, NOW);

    tabA.acknowledge('unrelated');
    expect(new Outbox(local(), KEY).list().map((e) => e.clientMessageId)).toEqual([
      fromA.clientMessageId,
      fromB.clientMessageId,
    ]);
  });

  it('survives a reload through the host page when the frame’s own storage is blocked', () => {
    const hostLocalStorage: Record<string, string> = {};
    const write = (key: string, value: string | null) => {
      if (value === null) delete hostLocalStorage[key];
      else hostLocalStorage[key] = value;
    };
    const before = new Outbox(hostBackedStorage({}, write), KEY);
    const entry = before.add('written in incognito', 'c1', NOW);

    const after = new Outbox(hostBackedStorage({ ...hostLocalStorage }, write), KEY);
    expect(after.list().map((e) => e.clientMessageId)).toEqual([entry.clientMessageId]);
    after.acknowledge(entry.clientMessageId);
    expect(hostLocalStorage).toEqual({});
  });

  it('ignores corrupt storage instead of crashing the widget', () => {
    localStorage.setItem(KEY, '{not json');
    expect(new Outbox(local(), KEY).list()).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt with jitter and caps at 30 s', () => {
    expect(backoffDelay(1, () => 1)).toBe(1_000);
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(3, () => 1)).toBe(4_000);
    expect(backoffDelay(20, () => 1)).toBe(30_000);
  });
});

describe('newClientMessageId', () => {
  it('makes a v4 UUID even where crypto.randomUUID is missing (plain-http hosts)', () => {
    const id = newClientMessageId({ getRandomValues: (bytes: Uint8Array) => bytes.fill(0xab) } as unknown as Crypto);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
