import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from './support/test-app';

describe('messages (e2e)', () => {
  let t: TestApp;
  let conversationId: string;
  const auth = () => ({ authorization: `Bearer ${t.adminToken}` });
  const post = (body: Record<string, unknown>) => t.http().post(`/api/v1/conversations/${conversationId}/messages`).set(auth()).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    const inbox = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'Web', channel: 'web_widget' }).expect(201)).body.id;
    conversationId = (await t.http().post('/api/v1/conversations').set(auth()).send({ inboxId: inbox, contact: { name: 'Daniel' }, message: { body: 'hello?' } }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it('numbers messages with a gap-free per-conversation seq and records the first response', async () => {
    const a = (await post({ body: 'Hi Daniel!' }).expect(201)).body;
    const b = (await post({ body: 'How can I help?' }).expect(201)).body;
    expect([a.seq, b.seq]).toEqual([2, 3]);
    expect(a).toMatchObject({ messageType: 'outgoing', senderType: 'agent', private: false });
    const conv = (await t.http().get(`/api/v1/conversations/${conversationId}`).set(auth()).expect(200)).body;
    expect(conv.firstRespondedAt).toEqual(a.createdAt);
    expect(conv.agentUnreadCount).toBe(0);
    expect(conv.contactUnreadCount).toBe(2);
  });

  it('stores a clientMessageId once, even when the same send races', async () => {
    const clientMessageId = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => post({ body: 'only once', clientMessageId })));
    const ids = new Set(results.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    const [{ count }] = await t.db.query('SELECT count(*)::int AS count FROM messages WHERE client_message_id = $1', [clientMessageId]);
    expect(count).toBe(1);
    // and the seq stays gap-free: the losers rolled back their allocation
    const seqs: { seq: number }[] = await t.db.query('SELECT seq FROM messages WHERE conversation_id = $1 ORDER BY seq', [conversationId]);
    expect(seqs.map((r) => r.seq)).toEqual(seqs.map((_, i) => i + 1));
  });

  it('answers a send with the message as stored, and a resend with the original whole', async () => {
    const clientMessageId = randomUUID();
    const sent = (await post({ body: 'the original', clientMessageId }).expect(201)).body;
    const stored = (await t.http().get(`/api/v1/conversations/${conversationId}/messages?after=${sent.seq - 1}`).set(auth()).expect(200)).body;
    expect(stored[0]).toEqual(sent);
    const resent = (await post({ body: 'edited before the retry', clientMessageId }).expect(200)).body;
    expect(resent).toEqual(sent);
  });

  it('keeps private notes out of the contact counters and the preview', async () => {
    const before = (await t.http().get(`/api/v1/conversations/${conversationId}`).set(auth())).body;
    await post({ body: 'internal: check the customs status first', private: true }).expect(201);
    const after = (await t.http().get(`/api/v1/conversations/${conversationId}`).set(auth())).body;
    expect(after.contactUnreadCount).toBe(before.contactUnreadCount);
    expect(after.lastMessagePreview).toBe(before.lastMessagePreview);
  });

  it('pages history backwards and catches up forwards by seq', async () => {
    for (let i = 0; i < 5; i++) await post({ body: `page ${i}` }).expect(201);
    const last3 = (await t.http().get(`/api/v1/conversations/${conversationId}/messages?limit=3`).set(auth()).expect(200)).body;
    expect(last3.map((m: { body: string }) => m.body)).toEqual(['page 2', 'page 3', 'page 4']);
    const older = (await t.http().get(`/api/v1/conversations/${conversationId}/messages?limit=2&before=${last3[0].seq}`).set(auth()).expect(200)).body;
    expect(older.map((m: { seq: number }) => m.seq)).toEqual([last3[0].seq - 2, last3[0].seq - 1]);
    const newer = (await t.http().get(`/api/v1/conversations/${conversationId}/messages?after=${last3[0].seq}`).set(auth()).expect(200)).body;
    expect(newer.map((m: { body: string }) => m.body)).toEqual(['page 3', 'page 4']);
  });

  it('stores markup exactly as sent', async () => {
    const body = '<img src=x onerror=alert(1)> & <b>bold</b>';
    const m = (await post({ body }).expect(201)).body;
    expect(m.body).toBe(body);
  });
});
