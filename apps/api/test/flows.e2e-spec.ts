import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { ConversationEvent, FlowDefinition, FlowDto, FlowStep, TriageResultDto, VisitorMessage } from '@parley/shared/contracts';
import { AiService } from '../src/modules/ai/ai.service';
import { TriagePipeline } from '../src/modules/triage/triage-pipeline';
import { call, collect, connect, next } from './support/sockets';
import { createAgent, createTestApp, TestApp } from './support/test-app';

/**
 * Flows on real Postgres and real sockets: every inbox starts with the default button scenario, admins
 * change it under the shared rules, the widget session serves it, and a visitor's click is stored with
 * the choice, recorded on the conversation and answered with the next step, exactly once.
 */
describe('flows (e2e)', () => {
  let t: TestApp;
  let inbox: { id: string; publicToken: string };
  const open: Socket[] = [];
  const auth = (token = t.adminToken) => ({ authorization: `Bearer ${token}` });
  const count = async (sql: string, params: unknown[] = []) => (await t.db.query(sql, params))[0].count as number;
  const getFlow = async (inboxId: string, token?: string): Promise<FlowDto> => (await t.http().get(`/api/v1/inboxes/${inboxId}/flow`).set(auth(token)).expect(200)).body;
  const putFlow = (inboxId: string, body: unknown, token?: string) => t.http().put(`/api/v1/inboxes/${inboxId}/flow`).set(auth(token)).send(body as object);

  async function visitor(publicToken = inbox.publicToken) {
    const session = (await t.http().post('/api/v1/widget/sessions').send({ inboxToken: publicToken }).expect(200)).body;
    const socket = await connect(t.url, '/widget', { visitorToken: session.visitorToken });
    open.push(socket);
    return { session, socket };
  }
  const click = (socket: Socket, stepId: string, buttonId: string, body: string, extra: Record<string, unknown> = {}) =>
    call(socket, 'message.send', { clientMessageId: randomUUID(), body, flow: { stepId, buttonId }, ...extra });
  const botStep = (socket: Socket) => next<VisitorMessage>(socket, 'message.created', (m) => m.messageType === 'template');

  /** A flow as a request body, loose enough to break every rule. */
  type LooseFlow = { startStepId: string; steps: Array<Omit<FlowStep, 'kind' | 'category'> & { kind: string; category: string | null }> };
  const stepOf = (definition: FlowDefinition, id: string): FlowStep => {
    const step = definition.steps.find((s) => s.id === id);
    if (!step) throw new Error(`no step ${id}`);
    return step;
  };

  /** A flow with a menu behind a menu, for the steps that carry buttons. */
  const returnsFlow = (): FlowDefinition => ({
    startStepId: 'start',
    steps: [
      { id: 'start', kind: 'menu', message: { ko: '무엇을 도와드릴까요?', en: 'How can we help?' }, buttons: [{ id: 'returns', label: { ko: '반품', en: 'Returns' }, next: 'returns' }], category: null },
      {
        id: 'returns',
        kind: 'menu',
        message: { ko: '어떤 문제가 있나요?', en: 'What went wrong?' },
        buttons: [
          { id: 'damaged', label: { ko: '파손', en: 'Damaged item' }, next: 'photo' },
          { id: 'mind', label: { ko: '단순 변심', en: '' }, next: 'photo' },
        ],
        category: 'return_refund',
      },
      { id: 'photo', kind: 'free_text', message: { ko: '사진을 보내 주세요.', en: 'Please send a photo.' }, buttons: [], category: null },
    ],
  });

  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    inbox = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'Website chat', channel: 'web_widget' }).expect(201)).body;
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t.close();
  });

  describe('definition', () => {
    it('a new inbox starts with the default flow, enabled: order, shipping, quote and a person', async () => {
      const flow = await getFlow(inbox.id);
      expect(flow).toMatchObject({ inboxId: inbox.id, enabled: true, updatedAt: expect.any(String) });
      const start = stepOf(flow.definition, flow.definition.startStepId);
      expect(start).toMatchObject({ kind: 'menu', message: { ko: '무엇을 도와드릴까요?', en: 'How can we help?' } });
      const targets = start.buttons.map((b) => {
        const step = stepOf(flow.definition, b.next);
        return [b.label.ko, b.label.en, step.kind, step.category];
      });
      expect(targets).toEqual([
        ['주문', 'Order', 'free_text', 'order'],
        ['배송', 'Shipping', 'free_text', 'shipping'],
        ['B2B 견적', 'Quote', 'quote_form', 'b2b_quote'],
        ['상담원 연결', 'Talk to a person', 'handoff', null],
      ]);
      // Not a widget inbox: the flow is there to edit, but off.
      const email = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'Mail', channel: 'email' }).expect(201)).body;
      expect((await getFlow(email.id)).enabled).toBe(false);
    });

    it('an inbox without a stored flow (from before flows) gets the default one on first read', async () => {
      const older = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'Older', channel: 'web_widget' }).expect(201)).body;
      await t.db.query('DELETE FROM flows WHERE inbox_id = $1', [older.id]);
      const { session } = await visitor(older.publicToken);
      expect(session.inbox.flow.startStepId).toBe('start');
      expect(await count('SELECT count(*)::int AS count FROM flows WHERE inbox_id = $1', [older.id])).toBe(1);
    });

    it('PUT refuses a flow that breaks a rule, naming each broken rule as { path, message }', async () => {
      const broken = (change: (d: LooseFlow) => void) => {
        const d: LooseFlow = returnsFlow();
        change(d);
        return d;
      };
      const cases: [string, (d: LooseFlow) => void, string][] = [
        ['duplicate step id', (d) => (d.steps[2].id = 'returns'), 'definition.steps[2].id'],
        ['duplicate button id', (d) => (d.steps[1].buttons[1].id = 'damaged'), 'definition.steps[1].buttons[1].id'],
        ['bad id characters', (d) => (d.steps[0].buttons[0].id = 'Returns!'), 'definition.steps[0].buttons[0].id'],
        ['missing start step', (d) => (d.startStepId = 'welcome'), 'definition.startStepId'],
        ['dangling next', (d) => (d.steps[1].buttons[0].next = 'nowhere'), 'definition.steps[1].buttons[0].next'],
        ['menu without buttons', (d) => (d.steps[0].buttons = []), 'definition.steps[0].buttons'],
        ['menu with 11 buttons', (d) => (d.steps[0].buttons = Array.from({ length: 11 }, (_, i) => ({ id: `b${i}`, label: { ko: 'x', en: 'x' }, next: 'photo' }))), 'definition.steps[0].buttons'],
        ['buttons on a free_text step', (d) => (d.steps[2].buttons = [{ id: 'x', label: { ko: 'x', en: 'x' }, next: 'start' }]), 'definition.steps[2].buttons'],
        ['label over 40', (d) => (d.steps[0].buttons[0].label.en = 'x'.repeat(41)), 'definition.steps[0].buttons[0].label.en'],
        ['label empty in both languages', (d) => (d.steps[0].buttons[0].label = { ko: '', en: ' ' }), 'definition.steps[0].buttons[0].label'],
        ['message over 1000', (d) => (d.steps[2].message.ko = '가'.repeat(1001)), 'definition.steps[2].message.ko'],
        ['message empty', (d) => (d.steps[2].message = { ko: '', en: '' }), 'definition.steps[2].message'],
        ['more than 50 steps', (d) => d.steps.push(...Array.from({ length: 48 }, (_, i) => ({ id: `s${i}`, kind: 'free_text', message: { ko: 'x', en: '' }, buttons: [], category: null }))), 'definition.steps'],
        ['unknown category', (d) => (d.steps[2].category = 'warranty'), 'definition.steps[2].category'],
        ['unknown kind', (d) => (d.steps[2].kind = 'survey'), 'definition.steps[2].kind'],
      ];
      for (const [name, change, path] of cases) {
        const res = await putFlow(inbox.id, { enabled: true, definition: broken(change) });
        expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status: 400, code: 'validation_failed' });
        expect({ name, details: res.body.details }).toEqual({ name, details: expect.arrayContaining([{ path, message: expect.any(String) }]) });
      }
      await putFlow(inbox.id, { enabled: true }).expect(400);
      await putFlow(inbox.id, { enabled: 'yes', definition: returnsFlow() }).expect(400);
      expect((await getFlow(inbox.id)).definition.steps).toHaveLength(5); // still the default
    });

    it('agents of the inbox read the flow; only admins change it; others do not see it', async () => {
      const member = await createAgent(t, 'agent', 'Member');
      const stranger = await createAgent(t, 'agent', 'Stranger');
      await t.http().put(`/api/v1/inboxes/${inbox.id}/members`).set(auth()).send({ agentIds: [member.id] }).expect(200);
      expect((await getFlow(inbox.id, member.token)).inboxId).toBe(inbox.id);
      expect((await t.http().get(`/api/v1/inboxes/${inbox.id}/flow`).set(auth(stranger.token)).expect(404)).body.code).toBe('not_found');
      expect((await putFlow(inbox.id, { enabled: true, definition: returnsFlow() }, member.token).expect(403)).body.code).toBe('forbidden');
      await t.http().get(`/api/v1/inboxes/${randomUUID()}/flow`).set(auth()).expect(404);
    });

    it('saves a valid flow and the widget session serves it at once; disabled, the session has no flow', async () => {
      const menus = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'Menus', channel: 'web_widget' }).expect(201)).body;
      const before = await visitor(menus.publicToken);
      expect(before.session.inbox.flow.steps).toHaveLength(5);

      const saved = (await putFlow(menus.id, { enabled: true, definition: returnsFlow() }).expect(200)).body as FlowDto;
      expect(saved.definition).toEqual(returnsFlow());
      expect((await visitor(menus.publicToken)).session.inbox.flow).toEqual(returnsFlow());

      await putFlow(menus.id, { enabled: false, definition: returnsFlow() }).expect(200);
      const { session, socket } = await visitor(menus.publicToken);
      expect(session.inbox.flow).toBeNull();
      const refused = await click(socket, 'start', 'returns', 'Returns');
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      await putFlow(menus.id, { enabled: true, definition: returnsFlow() }).expect(200);
      const [audit] = await t.db.query(`SELECT action, actor_type FROM audit_logs WHERE entity_type = 'flow' AND entity_id = $1 ORDER BY created_at DESC LIMIT 1`, [menus.id]);
      expect(audit).toEqual({ action: 'flow.updated', actor_type: 'agent' });
    });
  });

  describe('clicks', () => {
    it('stores the choice, records it on the conversation and answers with the next step in the visitor’s language', async () => {
      const agent = await connect(t.url, '/agents', { token: t.adminToken });
      open.push(agent);
      const { session, socket } = await visitor();
      expect(session.inbox.flow).toEqual((await getFlow(inbox.id)).definition);

      const updated = next<ConversationEvent>(agent, 'conversation.updated', (e) => !!e.changes?.['flow']);
      const own = next<VisitorMessage>(socket, 'message.created', (m) => m.messageType === 'incoming');
      const step = botStep(socket);
      const ack = await click(socket, 'start', 'shipping', '배송', { locale: 'ko' });
      expect(ack).toMatchObject({ ok: true, message: { seq: 1, conversationId: expect.any(String) } });
      const conversationId = ack.message.conversationId;

      expect(await own).toMatchObject({ id: ack.message.id, body: '배송', content: { flowChoice: { stepId: 'start', buttonId: 'shipping' } } });
      expect(await step).toMatchObject({
        conversationId,
        seq: 2,
        sender: { type: 'bot', name: null },
        body: '배송 상황을 확인해 드릴게요. 주문번호나 운송장 번호를 알려 주세요.',
        content: { flowStep: { stepId: 'shipping', kind: 'free_text', buttons: [] } },
      });
      const flow = { choices: [{ stepId: 'start', buttonId: 'shipping', label: '배송' }], category: 'shipping', handoff: false };
      expect((await updated).conversation).toMatchObject({ id: conversationId, flow, priority: 'medium' });
      const conversation = (await t.http().get(`/api/v1/conversations/${conversationId}`).set(auth()).expect(200)).body;
      expect(conversation.flow).toEqual(flow);
      const messages = (await t.http().get(`/api/v1/conversations/${conversationId}/messages`).set(auth()).expect(200)).body;
      expect(messages.map((m: { messageType: string; senderType: string }) => `${m.messageType}/${m.senderType}`)).toEqual(['incoming/contact', 'template/bot']);

      // Typing instead of clicking needs no flow at all.
      const typed = await call(socket, 'message.send', { clientMessageId: randomUUID(), body: 'HB-20261112-0418', conversationId });
      expect(typed).toMatchObject({ ok: true, message: { seq: 3 } });
    });

    it('sends the labels of a menu step in the visitor’s language, the other one where it is blank', async () => {
      const menus = (await t.http().get('/api/v1/inboxes').set(auth()).expect(200)).body.find((i: { name: string }) => i.name === 'Menus');
      const { socket } = await visitor(menus.publicToken);
      const step = botStep(socket);
      const ack = await click(socket, 'start', 'returns', 'Returns', { locale: 'en' });
      expect(ack.ok).toBe(true);
      expect(await step).toMatchObject({
        body: 'What went wrong?',
        content: { flowStep: { stepId: 'returns', kind: 'menu', buttons: [{ id: 'damaged', label: 'Damaged item' }, { id: 'mind', label: '단순 변심' }] } },
      });
      // The next click continues the same conversation; the category stays with the last step that had one.
      const photo = botStep(socket);
      expect((await click(socket, 'returns', 'mind', '단순 변심', { conversationId: ack.message.conversationId, locale: 'en' })).ok).toBe(true);
      expect((await photo).body).toBe('Please send a photo.');
      const [row] = await t.db.query('SELECT flow FROM conversations WHERE id = $1', [ack.message.conversationId]);
      expect(row.flow).toEqual({
        choices: [
          { stepId: 'start', buttonId: 'returns', label: 'Returns' },
          { stepId: 'returns', buttonId: 'mind', label: '단순 변심' },
        ],
        category: 'return_refund',
        handoff: false,
      });
    });

    it('refuses an unknown step or button, or a malformed choice, and stores nothing', async () => {
      const { socket } = await visitor();
      const before = await count('SELECT count(*)::int AS count FROM messages');
      const conversations = await count('SELECT count(*)::int AS count FROM conversations');
      for (const [stepId, buttonId] of [
        ['start', 'refund'],
        ['nowhere', 'shipping'],
        ['shipping', 'shipping'],
      ]) {
        expect(await click(socket, stepId, buttonId, 'x')).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      }
      const malformed = await call(socket, 'message.send', { clientMessageId: randomUUID(), body: 'x', flow: { stepId: 'Start!', buttonId: 'shipping' } });
      expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_payload', message: expect.stringContaining('stepId') } });
      expect(await call(socket, 'message.send', { clientMessageId: randomUUID(), body: 'x', flow: 'start' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      expect(await call(socket, 'message.send', { clientMessageId: randomUUID(), body: 'x', locale: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      expect(await count('SELECT count(*)::int AS count FROM messages')).toBe(before);
      expect(await count('SELECT count(*)::int AS count FROM conversations')).toBe(conversations);
    });

    it('a resend with the same clientMessageId returns the first ack and posts no second step', async () => {
      const { socket } = await visitor();
      const payload = { clientMessageId: randomUUID(), body: 'Order', flow: { stepId: 'start', buttonId: 'order' }, locale: 'en' };
      const first = await call(socket, 'message.send', payload);
      const extra = collect<VisitorMessage>(socket, 'message.created', 500);
      const again = await call(socket, 'message.send', payload);
      const third = await call(socket, 'message.send', { ...payload, conversationId: first.message.conversationId });
      expect(again).toEqual(first);
      expect(third).toEqual(first);
      expect(await extra).toEqual([]);
      expect(await count(`SELECT count(*)::int AS count FROM messages WHERE conversation_id = $1 AND message_type = 'template'`, [first.message.conversationId])).toBe(1);
      const [row] = await t.db.query('SELECT flow FROM conversations WHERE id = $1', [first.message.conversationId]);
      expect(row.flow.choices).toHaveLength(1);
    });

    it('a handoff raises the priority to high (never lowers it) so the conversation stands out', async () => {
      const { socket } = await visitor();
      const ack = await click(socket, 'start', 'person', 'Talk to a person', { locale: 'en' });
      const conversationId = ack.message.conversationId;
      const conversation = (await t.http().get(`/api/v1/conversations/${conversationId}`).set(auth()).expect(200)).body;
      expect(conversation).toMatchObject({ priority: 'high', flow: { handoff: true, category: null } });
      expect(Date.parse(conversation.firstResponseDueAt) - Date.now()).toBeLessThanOrEqual(60 * 60_000);
      const notes = await t.db.query(`SELECT body FROM messages WHERE conversation_id = $1 AND message_type = 'activity'`, [conversationId]);
      expect(notes.map((n: { body: string }) => n.body)).toEqual(['The visitor asked for a person: priority medium → high']);

      const urgent = await visitor();
      const first = await call(urgent.socket, 'message.send', { clientMessageId: randomUUID(), body: 'help' });
      await t.http().patch(`/api/v1/conversations/${first.message.conversationId}`).set(auth()).send({ priority: 'urgent' }).expect(200);
      await click(urgent.socket, 'start', 'person', '상담원 연결', { conversationId: first.message.conversationId });
      const still = (await t.http().get(`/api/v1/conversations/${first.message.conversationId}`).set(auth()).expect(200)).body;
      expect(still).toMatchObject({ priority: 'urgent', flow: { handoff: true } });
    });
  });

  it('the demo workspace (npm start) seeds the default flow for its widget inboxes', async () => {
    const demo = await createTestApp({ demo: true });
    try {
      const inboxes = (await demo.http().get('/api/v1/inboxes').set({ authorization: `Bearer ${demo.adminToken}` }).expect(200)).body as { id: string; publicToken: string }[];
      const [{ count: stored }] = await demo.db.query('SELECT count(*)::int AS count FROM flows WHERE enabled');
      expect(stored).toBe(inboxes.length);
      const session = (await demo.http().post('/api/v1/widget/sessions').send({ inboxToken: inboxes[0].publicToken }).expect(200)).body;
      expect(session.inbox.flow.steps.map((s: FlowStep) => s.kind)).toEqual(['menu', 'free_text', 'free_text', 'quote_form', 'handoff']);
    } finally {
      await demo.close();
    }
  });

  describe('triage', () => {
    const triageOf = async (conversationId: string): Promise<TriageResultDto[]> => (await t.http().get(`/api/v1/conversations/${conversationId}/triage-results`).set(auth()).expect(200)).body;
    const runPipeline = (messageId: string) => t.app.get(TriagePipeline).run({ id: randomUUID(), data: { messageId }, retryCount: 0, retryLimit: 3 });
    // The offline model trains on first use (inline when running from sources): once, before the tests.
    beforeAll(() => t.app.get(AiService).classify({ text: '배송 문의' }), 120_000);

    it('takes the category from the flow choice unless the model is very sure of another, and records that the flow decided it', async () => {
      const { socket } = await visitor();
      const choice = await click(socket, 'start', 'shipping', '배송', { locale: 'ko' });
      const conversationId = choice.message.conversationId;
      const say = async (body: string) => (await call(socket, 'message.send', { clientMessageId: randomUUID(), body, conversationId })).message.id as string;
      await runPipeline(choice.message.id);
      // Alone, the model reads this as `general`; after the shipping button it is a shipping question.
      const vague = await say('다음 주까지 가능할까요?');
      await runPipeline(vague);
      expect((await t.http().get(`/api/v1/conversations/${conversationId}`).set(auth()).expect(200)).body.category).toBe('shipping');
      // A plain greeting: the model is sure, and wins.
      const greeting = await say('안녕하세요');
      await runPipeline(greeting);

      const results = await triageOf(conversationId);
      expect(results.map((r) => [r.messageId, r.category, r.signal])).toEqual([
        [choice.message.id, 'shipping', 'flow'],
        [vague, 'shipping', 'flow'],
        [greeting, 'general', null],
      ]);
      expect(results[1].run).toMatchObject({ provider: 'offline' });
      // The click is triaged but not answered: the flow answered it.
      expect(await count('SELECT count(*)::int AS count FROM reply_drafts WHERE message_id = $1', [choice.message.id])).toBe(0);
    });

    it('leaves the model alone in a conversation without a flow choice', async () => {
      const { socket } = await visitor();
      const typed = await call(socket, 'message.send', { clientMessageId: randomUUID(), body: '미국에서 한국까지 배송 기간이 얼마나 걸리나요?' });
      await runPipeline(typed.message.id);
      const [result] = await triageOf(typed.message.conversationId);
      expect(result).toMatchObject({ category: 'shipping', signal: null });
    });
  });
});
