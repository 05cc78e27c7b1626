import { randomUUID } from 'node:crypto';
import { AppendBatcher, type BatchableInput } from '../src/modules/messages/append-batch';
import { appendMessage, type AppendMessageInput, type AppendResult } from '../src/modules/messages/append-message';
import { createTestApp, TestApp } from './support/test-app';

describe('AppendBatcher (e2e, real Postgres)', () => {
  let t: TestApp;
  const auth = () => ({ authorization: `Bearer ${t.adminToken}` });
  let inboxId: string;

  /** A conversation opened by a contact's first message, as the widget does. */
  async function conversation(): Promise<{ id: string; contactId: string }> {
    const body = (await t.http().post('/api/v1/conversations').set(auth()).send({ inboxId, contact: { name: 'Visitor' }, message: { body: 'first' } }).expect(201)).body;
    return { id: body.id, contactId: body.contactId ?? body.contact.id };
  }
  const visitorMessage = (c: { id: string; contactId: string }, body: string, clientMessageId: string = randomUUID()): BatchableInput => ({
    conversationId: c.id,
    messageType: 'incoming',
    senderType: 'contact',
    senderId: c.contactId,
    body,
    clientMessageId,
  });
  const conversationRow = async (id: string) =>
    (await t.db.query('SELECT last_seq, agent_unread_count, contact_unread_count, last_message_preview, status FROM conversations WHERE id = $1', [id]))[0];

  /** A batcher whose one-by-one appends are counted: a message the batch stored never goes through them. */
  function batcher() {
    const single: AppendMessageInput[] = [];
    const b = new AppendBatcher(t.db, (input): Promise<AppendResult> => {
      single.push(input);
      return appendMessage(t.db.manager, input);
    });
    return { b, single };
  }

  beforeAll(async () => {
    t = await createTestApp();
    inboxId = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'Web', channel: 'web_widget' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it('stores the messages of one event-loop turn in one statement, seq gap-free in arrival order per conversation', async () => {
    const [a, b, c] = [await conversation(), await conversation(), await conversation()];
    const before = await Promise.all([a, b, c].map((x) => conversationRow(x.id)));
    const { b: batch, single } = batcher();
    const inputs = [visitorMessage(a, 'a1'), visitorMessage(b, 'b1'), visitorMessage(a, 'a2'), visitorMessage(c, 'c1'), visitorMessage(a, 'a3'), visitorMessage(b, 'b2 '.repeat(100))];
    const results = await Promise.all(inputs.map((i) => batch.append(i)));

    expect(single).toEqual([]);
    expect(results.map((r) => r.duplicate)).toEqual(inputs.map(() => false));
    expect(results.map((r) => [r.message.conversationId, r.message.seq])).toEqual([
      [a.id, 2],
      [b.id, 2],
      [a.id, 3],
      [c.id, 2],
      [a.id, 4],
      [b.id, 3],
    ]);
    // What the API answered is what was stored.
    for (const r of results) {
      const [row] = await t.db.query('SELECT id, seq, body, sender_id, contact_inbox_id, client_message_id, created_at FROM messages WHERE id = $1', [r.message.id]);
      expect(row).toEqual({
        id: r.message.id,
        seq: r.message.seq,
        body: r.message.body,
        sender_id: r.message.senderId,
        contact_inbox_id: r.message.contactInboxId,
        client_message_id: r.message.clientMessageId,
        created_at: r.message.createdAt,
      });
    }
    // The conversation rows moved as that many single appends would have moved them.
    const after = await Promise.all([a, b, c].map((x) => conversationRow(x.id)));
    expect(after.map((r) => r.last_seq)).toEqual([4, 3, 2]);
    expect(after.map((r, i) => r.agent_unread_count - before[i].agent_unread_count)).toEqual([3, 2, 1]);
    expect(after.map((r) => r.last_message_preview)).toEqual(['a3', 'b2 '.repeat(100).slice(0, 200), 'c1']);
    expect(after.map((r) => [r.contact_unread_count, r.status])).toEqual([
      [0, 'open'],
      [0, 'open'],
      [0, 'open'],
    ]);
  });

  it('answers a resend with the stored original, a copy in the same batch once, and a missing conversation with not_found, storing the rest', async () => {
    const a = await conversation();
    const { b: batch, single } = batcher();
    const stored = await batch.append(visitorMessage(a, 'already here'));
    single.length = 0;

    const twice = randomUUID();
    const missing: { id: string; contactId: string } = { id: randomUUID(), contactId: a.contactId };
    const settled = await Promise.allSettled([
      batch.append(visitorMessage(a, 'edited resend', stored.message.clientMessageId!)),
      batch.append(visitorMessage(a, 'once', twice)),
      batch.append(visitorMessage(a, 'once', twice)),
      batch.append(visitorMessage(missing, 'nowhere')),
      batch.append(visitorMessage(a, 'after')),
    ]);
    const [resend, first, copy, lost, after] = settled;
    expect(resend).toMatchObject({ status: 'fulfilled', value: { duplicate: true, message: { id: stored.message.id, body: 'already here', seq: stored.message.seq } } });
    expect(first).toMatchObject({ status: 'fulfilled', value: { duplicate: false, message: { body: 'once', seq: stored.message.seq + 1 } } });
    expect(copy).toMatchObject({ status: 'fulfilled', value: { duplicate: true } });
    expect((copy as PromiseFulfilledResult<AppendResult>).value.message.id).toBe((first as PromiseFulfilledResult<AppendResult>).value.message.id);
    expect(lost).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
    expect(after).toMatchObject({ status: 'fulfilled', value: { duplicate: false, message: { seq: stored.message.seq + 2 } } });
    // Only what the batch left out went one by one: the resend and the missing conversation.
    expect(single.map((i) => i.body)).toEqual(['edited resend', 'nowhere']);
    const rows = await t.db.query('SELECT seq, body FROM messages WHERE conversation_id = $1 ORDER BY seq', [a.id]);
    expect(rows.map((r: { body: string }) => r.body)).toEqual(['first', 'already here', 'once', 'after']);
    expect(rows.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3, 4]);
  });

  it('when Postgres refuses the batch as a whole, appends each message on its own: the bad one fails, the others are stored', async () => {
    const a = await conversation();
    const { b: batch, single } = batcher();
    // Postgres text cannot hold NUL: the statement fails for every message in it.
    const settled = await Promise.allSettled([batch.append(visitorMessage(a, 'fine 1')), batch.append(visitorMessage(a, 'bad \u0000 byte')), batch.append(visitorMessage(a, 'fine 2'))]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(single).toHaveLength(3);
    const rows = await t.db.query('SELECT seq, body FROM messages WHERE conversation_id = $1 ORDER BY seq', [a.id]);
    expect(rows).toEqual([
      { seq: 1, body: 'first' },
      { seq: 2, body: 'fine 1' },
      { seq: 3, body: 'fine 2' },
    ]);
  });
});
