import type { ConversationDto, Page } from '@parley/shared/contracts';
import { createAgent, createTestApp, TestApp } from './support/test-app';

describe('conversations (e2e)', () => {
  let t: TestApp;
  let web: string;
  let b2b: string;
  let agent: { id: string; token: string };
  const auth = (token = t.adminToken) => ({ authorization: `Bearer ${token}` });

  const open = async (inboxId: string, contact: Record<string, string>, body?: string) =>
    (await t.http().post('/api/v1/conversations').set(auth()).send({ inboxId, contact, ...(body && { message: { body } }) }).expect(201)).body as ConversationDto;
  const list = async (query: string, token?: string) => (await t.http().get(`/api/v1/conversations?${query}`).set(auth(token)).expect(200)).body as Page<ConversationDto>;

  beforeAll(async () => {
    t = await createTestApp();
    web = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'Website chat', channel: 'web_widget' }).expect(201)).body.id;
    b2b = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'B2B quotes', channel: 'web_widget' }).expect(201)).body.id;
    agent = await createAgent(t, 'agent', 'Mina');
    await t.http().put(`/api/v1/inboxes/${web}/members`).set(auth()).send({ agentIds: [agent.id] }).expect(200);
    await t.http().post('/api/v1/labels').set(auth()).send({ name: 'customs' }).expect(201);
    await t.http().post('/api/v1/labels').set(auth()).send({ name: 'vip' }).expect(201);
  });
  afterAll(() => t.close());

  it('opens a conversation with a display id, a first-response deadline and the first message', async () => {
    const c = await open(web, { name: '김서연', email: 'Seoyeon@Example.kr' }, '주문번호 HB-1 배송 언제 와요?');
    expect(c.displayId).toBeGreaterThanOrEqual(1001);
    expect(c.status).toBe('open');
    expect(c.contact).toMatchObject({ name: '김서연', email: 'seoyeon@example.kr' });
    expect(c.lastMessagePreview).toBe('주문번호 HB-1 배송 언제 와요?');
    expect(c.agentUnreadCount).toBe(1);
    expect(new Date(c.firstResponseDueAt!).getTime()).toBeGreaterThan(Date.now());
  });

  it('filters by status, inbox, assignee, label, priority and text', async () => {
    const a = await open(web, { name: 'Filter Alpha', company: 'Hanbit Lab' }, 'need tracking for PH-777');
    const b = await open(b2b, { name: 'Filter Beta' }, '견적 부탁드립니다');
    await t.http().patch(`/api/v1/conversations/${a.id}`).set(auth()).send({ assigneeId: agent.id, labels: ['customs', 'vip'], priority: 'urgent' }).expect(200);
    await t.http().patch(`/api/v1/conversations/${b.id}`).set(auth()).send({ status: 'pending' }).expect(200);

    const ids = (p: Page<ConversationDto>) => p.items.map((c) => c.id);
    expect(ids(await list('status=pending'))).toEqual([b.id]);
    expect(ids(await list(`inboxId=${b2b}`))).toEqual([b.id]);
    expect(ids(await list('assignee=me', agent.token))).toEqual([a.id]);
    expect(ids(await list(`assignee=${agent.id}`))).toEqual([a.id]);
    expect(ids(await list('assignee=unassigned'))).not.toContain(a.id);
    expect(ids(await list('label=vip'))).toEqual([a.id]);
    expect(ids(await list('priority=urgent'))).toEqual([a.id]);
    expect(ids(await list('q=hanbit'))).toEqual([a.id]);
    expect(ids(await list('q=PH-777'))).toEqual([a.id]);
    expect(ids(await list(`q=%23${b.displayId}`))).toEqual([b.id]);
    expect(ids(await list('q=100%25_'))).toEqual([]); // wildcards are literal
    // Two-character terms (a Korean given name) still find contacts; message bodies need three.
    const korean = await open(web, { name: '정서연' }, '견적');
    expect(ids(await list('q=서연'))).toContain(korean.id);
    expect(ids(await list('q=견적'))).not.toContain(korean.id);
    const labelled = (await list('label=vip')).items[0];
    expect(labelled.labels.map((l) => l.name)).toEqual(['customs', 'vip']);
  });

  it('shows agents only the inboxes they belong to', async () => {
    const inB2b = await open(b2b, { name: 'Hidden' });
    const seen = await list('limit=100', agent.token);
    expect(seen.items.every((c) => c.inboxId === web)).toBe(true);
    await t.http().get(`/api/v1/conversations/${inB2b.id}`).set(auth(agent.token)).expect(404);
    await t.http().post(`/api/v1/conversations/${inB2b.id}/messages`).set(auth(agent.token)).send({ body: 'hi' }).expect(404);
  });

  it('keeps cursor pagination exact while new conversations arrive', async () => {
    const inbox = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'Paging', channel: 'api' }).expect(201)).body.id;
    const created: string[] = [];
    for (let i = 0; i < 23; i++) created.push((await open(inbox, { name: `P${i}` }, `m${i}`)).id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      const res: Page<ConversationDto> = await list(`inboxId=${inbox}&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.items.map((c) => c.id));
      cursor = res.nextCursor;
      // New rows land on top while we page; they must not shift or repeat what follows.
      if (page++ < 3) await open(inbox, { name: `late${page}` }, 'late');
    } while (cursor);

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...created].reverse());
  });

  it('records status transitions in the audit log and the thread, and refuses impossible ones', async () => {
    const c = await open(web, { name: 'Audit Me' }, 'hello');
    await t.http().patch(`/api/v1/conversations/${c.id}`).set(auth(agent.token)).send({ status: 'resolved' }).expect(200);
    const refused = await t.http().patch(`/api/v1/conversations/${c.id}`).set(auth()).send({ status: 'snoozed' }).expect(409);
    expect(refused.body.code).toBe('invalid_transition');

    const log = await t.http().get(`/api/v1/audit-logs?entityType=conversation&entityId=${c.id}`).set(auth()).expect(200);
    const change = log.body.find((e: { action: string }) => e.action === 'conversation.status_changed');
    expect(change).toMatchObject({ actorType: 'agent', actorId: agent.id, changes: { status: { from: 'open', to: 'resolved' } } });
    expect(log.body.filter((e: { action: string }) => e.action === 'conversation.status_changed')).toHaveLength(1);

    const thread = await t.http().get(`/api/v1/conversations/${c.id}/messages`).set(auth()).expect(200);
    expect(thread.body.at(-1)).toMatchObject({ messageType: 'activity', body: 'Mina: status open → resolved' });
  });

  it('reopens a resolved conversation when the contact writes again', async () => {
    const c = await open(web, { name: 'Comes Back' }, 'first');
    await t.http().patch(`/api/v1/conversations/${c.id}`).set(auth()).send({ status: 'resolved' }).expect(200);
    // The contact's next message arrives (over the API channel here; the widget uses the same path).
    const { MessagesService } = await import('../src/modules/messages/messages.service');
    await t.app.get(MessagesService).create({ conversationId: c.id, messageType: 'incoming', senderType: 'contact', senderId: c.contact.id, body: 'one more thing' }, web);
    const after = (await t.http().get(`/api/v1/conversations/${c.id}`).set(auth()).expect(200)).body;
    expect(after.status).toBe('open');
  });

  it('validates assignee, team and label references', async () => {
    const c = await open(web, { name: 'Refs' });
    const res = await t.http().patch(`/api/v1/conversations/${c.id}`).set(auth()).send({ assigneeId: '7f000000-0000-4000-8000-000000000000', labels: ['nope'] }).expect(400);
    expect(res.body.code).toBe('validation_failed');
    const labels = await t.http().patch(`/api/v1/conversations/${c.id}`).set(auth()).send({ labels: ['nope'] }).expect(400);
    expect(labels.body.message).toMatch(/Unknown label\(s\): nope/);
  });
});
