import { createHmac, randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { createAgent, createTestApp, TestApp } from './support/test-app';
import { call, collect, connect, next } from './support/sockets';

describe('live chat (e2e, real sockets)', () => {
  let t: TestApp;
  let inbox: { id: string; publicToken: string };
  const open: Socket[] = [];
  const auth = () => ({ authorization: `Bearer ${t.adminToken}` });
  const count = async (sql: string, params: unknown[] = []) => (await t.db.query(sql, params))[0].count as number;

  async function visitor(extra: Record<string, unknown> = {}) {
    const res = await t.http().post('/api/v1/widget/sessions').send({ inboxToken: inbox.publicToken, ...extra }).expect(200);
    const socket = await connect(t.url, '/widget', { visitorToken: res.body.visitorToken });
    open.push(socket);
    return { session: res.body, socket };
  }
  async function agentSocket(token = t.adminToken) {
    const s = await connect(t.url, '/agents', { token });
    open.push(s);
    return s;
  }

  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    inbox = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'Website chat', channel: 'web_widget', allowedOrigins: ['https://shop.example.com'] }).expect(201)).body;
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t.close();
  });

  describe('sessions', () => {
    it('creates a visitor and resumes it with the token', async () => {
      const first = (await t.http().post('/api/v1/widget/sessions').send({ inboxToken: inbox.publicToken }).expect(200)).body;
      expect(first.visitorToken).toEqual(expect.any(String));
      expect(first.inbox).toMatchObject({ name: 'Website chat', availability: { online: false } });
      const again = (await t.http().post('/api/v1/widget/sessions').send({ inboxToken: inbox.publicToken, visitorToken: first.visitorToken }).expect(200)).body;
      expect(again.contact.id).toBe(first.contact.id);
    });

    it('refuses an unknown inbox and an origin not on the list', async () => {
      expect((await t.http().post('/api/v1/widget/sessions').send({ inboxToken: 'nope-nope-nope' }).expect(404)).body.code).toBe('not_found');
      const bad = await t.http().post('/api/v1/widget/sessions').set('origin', 'https://evil.example').send({ inboxToken: inbox.publicToken }).expect(403);
      expect(bad.body.message).toMatch(/evil\.example/);
      await t.http().post('/api/v1/widget/sessions').set('origin', 'https://shop.example.com').send({ inboxToken: inbox.publicToken, hostOrigin: 'https://shop.example.com' }).expect(200);
      await t.http().post('/api/v1/widget/sessions').send({ inboxToken: inbox.publicToken, hostOrigin: 'https://evil.example' }).expect(403);
    });

    it('with identity enforced, refuses a missing or wrong hash without touching any contact, and merges verified visitors', async () => {
      const enforced = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'Members', channel: 'web_widget', identityEnforced: true }).expect(201)).body;
      const secret = (await t.http().get(`/api/v1/inboxes/${enforced.id}/secrets`).set(auth()).expect(200)).body.identitySecret;
      const before = await count('SELECT count(*)::int AS count FROM contacts');
      await t.http().post('/api/v1/widget/sessions').send({ inboxToken: enforced.publicToken }).expect(401);
      const wrong = await t.http().post('/api/v1/widget/sessions').send({ inboxToken: enforced.publicToken, identity: { identifier: 'user-42', identifierHash: 'ab'.repeat(32) } }).expect(401);
      expect(wrong.body.code).toBe('unauthorized');
      expect(await count('SELECT count(*)::int AS count FROM contacts')).toBe(before);

      const identifierHash = createHmac('sha256', secret).update('user-42').digest('hex');
      const a = (await t.http().post('/api/v1/widget/sessions').send({ inboxToken: enforced.publicToken, identity: { identifier: 'user-42', name: 'Hong', identifierHash } }).expect(200)).body;
      const b = (await t.http().post('/api/v1/widget/sessions').send({ inboxToken: enforced.publicToken, identity: { identifier: 'user-42', identifierHash } }).expect(200)).body;
      expect(b.contact.id).toBe(a.contact.id);
      expect(a.contact.name).toBe('Hong');
      expect(await count(`SELECT count(*)::int AS count FROM contact_inboxes WHERE hmac_verified AND contact_id = $1`, [a.contact.id])).toBe(1);
    });
  });

  describe('sockets', () => {
    it('refuses an invalid visitor token and a foreign origin', async () => {
      await expect(connect(t.url, '/widget', { visitorToken: 'garbage' })).rejects.toThrow('unauthorized');
      await expect(connect(t.url, '/agents', { token: 'garbage' })).rejects.toThrow('unauthorized');
      const { session } = await visitor();
      await expect(connect(t.url, '/widget', { visitorToken: session.visitorToken }, { origin: 'https://evil.example' })).rejects.toThrow('forbidden');
    });

    it('opens a conversation with the first message, acks it, and delivers it to agents once', async () => {
      const agent = await agentSocket();
      const { socket } = await visitor();
      const created = next(agent, 'conversation.created');
      const delivered = next(agent, 'message.created', (m) => m.body === '주문번호 HB-1 배송 언제 와요?');
      const clientMessageId = randomUUID();
      const ack = await call(socket, 'message.send', { clientMessageId, body: '주문번호 HB-1 배송 언제 와요?' });
      expect(ack).toMatchObject({ ok: true, message: { seq: 1, conversationId: expect.any(String) } });
      expect((await created).conversation.id).toBe(ack.message.conversationId);
      expect((await delivered).id).toBe(ack.message.id);

      // The same clientMessageId again: the original ack, nothing new stored or delivered.
      const extra = collect(agent, 'message.created', 400);
      const again = await call(socket, 'message.send', { clientMessageId, body: '주문번호 HB-1 배송 언제 와요?' });
      expect(again).toEqual(ack);
      expect(await extra).toHaveLength(0);
      expect(await count('SELECT count(*)::int AS count FROM messages WHERE client_message_id = $1', [clientMessageId])).toBe(1);
    });

    it('delivers agent replies to the visitor, never private notes', async () => {
      const { socket } = await visitor();
      const ack = await call(socket, 'message.send', { clientMessageId: randomUUID(), body: 'hello' });
      const conversationId = ack.message.conversationId;
      const got = collect(socket, 'message.created', 800);
      await t.http().post(`/api/v1/conversations/${conversationId}/messages`).set(auth()).send({ body: 'internal: VIP', private: true }).expect(201);
      await t.http().post(`/api/v1/conversations/${conversationId}/messages`).set(auth()).send({ body: 'Hi! Checking now.' }).expect(201);
      const bodies = (await got).map((m) => m.body);
      expect(bodies).toContain('Hi! Checking now.');
      expect(bodies).not.toContain('internal: VIP');
      const reply = (await got).find((m) => m.body === 'Hi! Checking now.');
      expect(reply.sender).toEqual({ type: 'agent', name: 'Admin', avatarUrl: null });
      const sync = await call(socket, 'conversation.sync', { conversationId, afterSeq: 0 });
      expect(sync.messages.map((m: { body: string }) => m.body)).toEqual(['hello', 'Hi! Checking now.']);
    });

    it('resyncs what was missed while disconnected', async () => {
      const { session, socket } = await visitor();
      const ack = await call(socket, 'message.send', { clientMessageId: randomUUID(), body: 'first' });
      socket.close();
      for (const body of ['while', 'you', 'were away']) await t.http().post(`/api/v1/conversations/${ack.message.conversationId}/messages`).set(auth()).send({ body }).expect(201);
      const back = await connect(t.url, '/widget', { visitorToken: session.visitorToken });
      open.push(back);
      const sync = await call(back, 'conversation.sync', { conversationId: ack.message.conversationId, afterSeq: ack.message.seq });
      expect(sync.messages.map((m: { body: string; seq: number }) => [m.seq, m.body])).toEqual([[2, 'while'], [3, 'you'], [4, 'were away']]);
    });

    it('relays typing and read receipts both ways', async () => {
      const agent = await agentSocket();
      const { socket } = await visitor();
      const ack = await call(socket, 'message.send', { clientMessageId: randomUUID(), body: 'are you there?' });
      const conversationId = ack.message.conversationId;

      const agentSeesTyping = next(agent, 'typing', (e) => e.conversationId === conversationId);
      await call(socket, 'typing', { conversationId, typing: true });
      expect((await agentSeesTyping).sender.type).toBe('contact');

      const visitorSeesTyping = next(socket, 'typing');
      await call(agent, 'typing', { conversationId, typing: true });
      expect(await visitorSeesTyping).toMatchObject({ conversationId, typing: true, sender: { type: 'agent', name: 'Admin' } });

      const visitorSeesRead = next(socket, 'message.read');
      expect(await call(agent, 'message.read', { conversationId, seq: 1 })).toEqual({ ok: true, seq: 1 });
      expect(await visitorSeesRead).toEqual({ conversationId, seq: 1, reader: 'agent' });

      const reply = await call(agent, 'message.send', { conversationId, clientMessageId: randomUUID(), body: 'yes!' });
      expect(reply.ok).toBe(true);
      const agentSeesRead = next(agent, 'message.read', (e) => e.reader === 'contact');
      await call(socket, 'message.read', { conversationId, seq: reply.message.seq });
      expect((await agentSeesRead).seq).toBe(2);
      const conv = (await t.http().get(`/api/v1/conversations/${conversationId}`).set(auth()).expect(200)).body;
      expect(conv.contactUnreadCount).toBe(0);
    });

    it('records how to reach a visitor who leaves', async () => {
      const { session, socket } = await visitor();
      const ack = await call(socket, 'contact.update', { email: 'Later@Example.com' });
      expect(ack).toMatchObject({ ok: true, contact: { email: 'later@example.com' } });
      expect((await t.http().get(`/api/v1/contacts/${session.contact.id}`).set(auth()).expect(200)).body.email).toBe('later@example.com');
      expect(await call(socket, 'contact.update', { email: 'not an email' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    });

    it('reads one free line of contact details, stores them, tells agents, and asks only for what is wrong', async () => {
      const { session, socket } = await visitor();
      const agent = await agentSocket();
      await call(socket, 'message.send', { clientMessageId: randomUUID(), body: '견적 문의드려요' });
      const captured = next(agent, 'contact.captured', (e) => e.contactId === session.contact.id);
      const ack = await call(socket, 'contact.capture', { line: '홍길동 / 한빛상사 / 010-1234-5678 / hong@hanbit' });
      expect(ack).toMatchObject({ ok: true, contact: { name: '홍길동', phone: '+821012345678', email: null } });
      expect(ack.summary).toContain('010-1234-5678');
      expect(ack.followUp).toMatch(/이메일/);
      expect((await captured).contact).toMatchObject({ name: '홍길동', company: '한빛상사' });
      const stored = (await t.http().get(`/api/v1/contacts/${session.contact.id}`).set(auth()).expect(200)).body;
      expect(stored).toMatchObject({ name: '홍길동', company: '한빛상사', phone: '+821012345678' });
      const [note] = await t.db.query(`SELECT body FROM messages WHERE contact_inbox_id IS NOT NULL AND message_type = 'activity' AND body LIKE 'Contact details left%' ORDER BY created_at DESC LIMIT 1`);
      expect(note.body).toContain('한빛상사');

      const fixed = await call(socket, 'contact.capture', { line: 'hong@hanbit.kr' });
      expect(fixed).toMatchObject({ ok: true, contact: { email: 'hong@hanbit.kr', phone: '+821012345678' }, followUp: null });
      for (const bad of [{ line: '' }, { line: 42 }, { line: 'x'.repeat(2001) }, 'hello', { line: 'a', extra: 1 }]) {
        expect(await call(socket, 'contact.capture', bad)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      }
    });

    it('tells visitors when an agent comes online', async () => {
      const { socket } = await visitor();
      const update = next(socket, 'inbox.availability', (a) => a.online === true);
      const agent = await agentSocket();
      await call(agent, 'presence.set', { availability: 'online' });
      expect(await update).toMatchObject({ online: true, expectedReplyMinutes: 5 });
      const session = (await t.http().post('/api/v1/widget/sessions').send({ inboxToken: inbox.publicToken }).expect(200)).body;
      expect(session.inbox.availability.online).toBe(true);
      await call(agent, 'presence.set', { availability: 'offline' });
    });

    it('after hours, a visitor gets one automatic reply saying when to expect an answer (in their language)', async () => {
      const closed = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'Night shop', channel: 'web_widget', businessHours: { timezone: 'Asia/Seoul', days: {} } }).expect(201)).body;
      expect(closed.afterHoursReplyEnabled).toBe(true);
      const session = (await t.http().post('/api/v1/widget/sessions').send({ inboxToken: closed.publicToken }).expect(200)).body;
      const socket = await connect(t.url, '/widget', { visitorToken: session.visitorToken });
      open.push(socket);
      const reply = next(socket, 'message.created', (m) => m.sender?.type === 'bot');
      const first = await call(socket, 'message.send', { clientMessageId: randomUUID(), body: '안녕하세요 주문 문의합니다' });
      await call(socket, 'message.send', { clientMessageId: randomUUID(), body: '혹시 계세요?' });
      expect(await reply).toMatchObject({ messageType: 'template', body: expect.stringContaining('상담 시간이 아니에요') });
      await new Promise((r) => setTimeout(r, 300));
      const bots = await t.db.query(`SELECT body FROM messages WHERE conversation_id = $1 AND sender_type = 'bot'`, [first.message.conversationId]);
      expect(bots).toHaveLength(1);

      // The inbox's own text, and none at all when switched off or open.
      await t.http().patch(`/api/v1/inboxes/${closed.id}`).set(auth()).send({ afterHoursReply: 'Closed now, back {next}.' }).expect(200);
      await t.http().patch(`/api/v1/inboxes/${closed.id}`).set(auth()).send({ afterHoursReply: '' }).expect(400);
      const other = (await t.http().post('/api/v1/widget/sessions').send({ inboxToken: inbox.publicToken }).expect(200)).body;
      const openSocket = await connect(t.url, '/widget', { visitorToken: other.visitorToken });
      open.push(openSocket);
      const none = collect(openSocket, 'message.created', 800);
      await call(openSocket, 'message.send', { clientMessageId: randomUUID(), body: 'hello?' });
      expect((await none).filter((m) => m.sender?.type === 'bot')).toEqual([]);
    });

    it('a change of availability over REST reaches the widgets and the consoles too', async () => {
      const { socket } = await visitor();
      const agent = await agentSocket();
      const busy = next(agent, 'presence.updated', (p) => p.availability === 'busy');
      const offline = next(socket, 'inbox.availability', (a) => a.online === false);
      await t.http().patch('/api/v1/agents/me').set(auth()).send({ availability: 'busy' }).expect(200);
      expect(await busy).toMatchObject({ availability: 'busy' });
      expect(await offline).toMatchObject({ online: false });
      const online = next(socket, 'inbox.availability', (a) => a.online === true);
      await t.http().patch('/api/v1/agents/me').set(auth()).send({ availability: 'online' }).expect(200);
      expect(await online).toMatchObject({ online: true });
      await call(agent, 'presence.set', { availability: 'offline' });
    });
  });

  describe('bad input: a clear error, nothing stored, the process keeps running', () => {
    let socket: Socket;
    let conversationId: string;
    const stored = () => count('SELECT count(*)::int AS count FROM messages');
    beforeAll(async () => {
      socket = (await visitor()).socket;
      conversationId = (await call(socket, 'message.send', { clientMessageId: randomUUID(), body: 'start' })).message.conversationId;
    });

    it.each([
      ['a body over 10,000 characters', () => ({ clientMessageId: randomUUID(), body: 'a'.repeat(10_001), conversationId }), 'message_too_long'],
      ['an empty body', () => ({ clientMessageId: randomUUID(), body: '  \n\t ', conversationId }), 'message_empty'],
      ['a body that is not a string', () => ({ clientMessageId: randomUUID(), body: 42, conversationId }), 'invalid_payload'],
      ['a missing clientMessageId', () => ({ body: 'hi', conversationId }), 'invalid_payload'],
      ['a clientMessageId that is not a uuid', () => ({ clientMessageId: 'x', body: 'hi' }), 'invalid_payload'],
      ['unknown fields', () => ({ clientMessageId: randomUUID(), body: 'hi', admin: true }), 'invalid_payload'],
      ['an array payload', () => [1, 2, 3], 'invalid_payload'],
      ['a string payload', () => 'hello', 'invalid_payload'],
    ])('%s is refused with its code, stores nothing', async (_name, payload, code) => {
      const before = await stored();
      const ack = await call(socket, 'message.send', payload());
      expect(ack).toMatchObject({ ok: false, error: { code } });
      expect(await stored()).toBe(before);
    });

    it("another visitor's conversation id → forbidden, and nothing about it leaks", async () => {
      const other = (await visitor()).socket;
      const before = await stored();
      const send = await call(other, 'message.send', { clientMessageId: randomUUID(), body: 'hijack', conversationId });
      expect(send).toEqual({ ok: false, error: { code: 'forbidden', message: 'Not your conversation' } });
      expect(await call(other, 'conversation.sync', { conversationId, afterSeq: 0 })).toEqual({ ok: false, error: { code: 'forbidden', message: 'Not your conversation' } });
      expect(await stored()).toBe(before);
    });

    it('a flood → rate_limited with retryAfterMs, and the excess is not stored', async () => {
      const flooder = (await visitor()).socket;
      const results = [];
      for (let i = 0; i < 30; i++) results.push(await call(flooder, 'message.send', { clientMessageId: randomUUID(), body: `flood ${i}` }));
      const limited = results.filter((r) => !r.ok);
      expect(results.filter((r) => r.ok)).toHaveLength(20);
      expect(limited[0].error).toMatchObject({ code: 'rate_limited', retryAfterMs: expect.any(Number) });
      expect(limited[0].error.retryAfterMs).toBeGreaterThan(0);
      expect(await count(`SELECT count(*)::int AS count FROM messages WHERE body LIKE 'flood %'`)).toBe(20);
    });

    it('stores HTML exactly as sent', async () => {
      const body = '<img src=x onerror=alert(1)><script>alert(2)</script>';
      const ack = await call(socket, 'message.send', { clientMessageId: randomUUID(), body, conversationId });
      expect((await t.db.query('SELECT body FROM messages WHERE id = $1', [ack.message.id]))[0].body).toBe(body);
    });
  });
});
