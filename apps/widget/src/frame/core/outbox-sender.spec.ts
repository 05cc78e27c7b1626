import type { SendMessageAck, SendMessagePayload } from '@parley/shared/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { flush, ManualClock } from '../../testing/fakes';
import { Outbox } from './outbox';
import { OutboxSender } from './outbox-sender';
import { memoryStorage } from './storage';

class FakeChannel {
  connected = true;
  readonly sent: SendMessagePayload[] = [];
  private pending: { resolve(ack: SendMessageAck): void; reject(error: Error): void }[] = [];
  isConnected = () => this.connected;
  send = (payload: SendMessagePayload) => {
    this.sent.push(payload);
    return new Promise<SendMessageAck>((resolve, reject) => this.pending.push({ resolve, reject }));
  };
  async ack(ack: SendMessageAck) {
    (this.pending.shift() as { resolve(ack: SendMessageAck): void }).resolve(ack);
    await flush();
  }
  async timeout() {
    (this.pending.shift() as { reject(error: Error): void }).reject(new Error('operation has timed out'));
    await flush();
  }
}

const ok = (seq: number): SendMessageAck => ({
  ok: true,
  message: { id: 'm' + seq, conversationId: 'c1', seq, createdAt: '2026-01-01T00:00:00.000Z' },
});

describe('OutboxSender', () => {
  let clock: ManualClock;
  let outbox: Outbox;
  let channel: FakeChannel;
  let acked: string[];
  let sender: OutboxSender;

  beforeEach(() => {
    clock = new ManualClock();
    outbox = new Outbox(memoryStorage(), 'parley:i:outbox');
    channel = new FakeChannel();
    acked = [];
    sender = new OutboxSender(
      outbox,
      channel,
      { conversationFor: (e) => e.conversationId || undefined, acknowledged: (e) => acked.push(e.clientMessageId), changed: () => undefined },
      clock,
      () => 1,
    );
  });

  it('sends the entry with its clientMessageId and removes it on ack', async () => {
    const entry = outbox.add('hello', 'c1', clock.now());
    sender.kick();
    expect(channel.sent).toEqual([{ clientMessageId: entry.clientMessageId, body: 'hello', conversationId: 'c1' }]);

    await channel.ack(ok(1));
    expect(outbox.list()).toEqual([]);
    expect(acked).toEqual([entry.clientMessageId]);
  });

  it('sends one message at a time, in the order they were written', async () => {
    const a = outbox.add('a', null, clock.now());
    const b = outbox.add('b', null, clock.now());
    sender.kick();
    sender.kick();
    expect(channel.sent.map((p) => p.clientMessageId)).toEqual([a.clientMessageId]);

    await channel.ack(ok(1));
    expect(channel.sent.map((p) => p.clientMessageId)).toEqual([a.clientMessageId, b.clientMessageId]);
  });

  it('resends with the same clientMessageId after a lost ack, with backoff', async () => {
    const entry = outbox.add('hello', null, clock.now());
    sender.kick();
    await channel.timeout();
    expect(channel.sent).toHaveLength(1);

    clock.advance(999);
    expect(channel.sent).toHaveLength(1);
    clock.advance(1);
    expect(channel.sent.map((p) => p.clientMessageId)).toEqual([entry.clientMessageId, entry.clientMessageId]);
  });

  it('waits retryAfterMs when rate limited', async () => {
    outbox.add('hello', null, clock.now());
    sender.kick();
    await channel.ack({ ok: false, error: { code: 'rate_limited', message: 'slow down', retryAfterMs: 5_000 } });

    clock.advance(4_999);
    expect(channel.sent).toHaveLength(1);
    clock.advance(1);
    expect(channel.sent).toHaveLength(2);
  });

  it.each(['message_too_long', 'message_empty', 'invalid_payload', 'forbidden'] as const)(
    'marks the message failed on %s and moves on to the next one',
    async (code) => {
      const bad = outbox.add('bad', null, clock.now());
      const next = outbox.add('next', null, clock.now());
      sender.kick();
      await channel.ack({ ok: false, error: { code, message: code } });

      expect(outbox.get(bad.clientMessageId)?.failed?.code).toBe(code);
      expect(channel.sent.map((p) => p.clientMessageId)).toEqual([bad.clientMessageId, next.clientMessageId]);
      clock.advance(60_000);
      expect(channel.sent).toHaveLength(2);
    },
  );

  it('sends nothing while disconnected and resends the in-flight message on reconnect', async () => {
    channel.connected = false;
    const entry = outbox.add('hello', null, clock.now());
    sender.kick();
    expect(channel.sent).toHaveLength(0);

    channel.connected = true;
    sender.kick();
    channel.connected = false;
    sender.reset();
    channel.connected = true;
    sender.kick();
    expect(channel.sent.map((p) => p.clientMessageId)).toEqual([entry.clientMessageId, entry.clientMessageId]);
  });
});
