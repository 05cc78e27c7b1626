import type { AuditLogDto, ConversationDto, MessageDto, Page, WebhookDeliveryDto, WebhookDto, WebhookPayload, WebhookWithSecretDto } from '@parley/shared/contracts';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhook, verifyWebhookSignature, type VerifyWebhookResult } from '../src/modules/webhooks/webhook-signature';
import { createAgent, createTestApp, TestApp } from './support/test-app';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  payload: WebhookPayload;
  verification: VerifyWebhookResult;
  duplicate: boolean;
  at: number;
}

interface Answer {
  status: number;
  delayMs?: number;
}

/**
 * A webhook receiver on loopback that follows docs/webhooks.md: verify the signature over the raw body
 * with the secret (401 when it fails, which covers old timestamps), dedupe by delivery id, answer 2xx.
 * Each path is one webhook; `answers` scripts the next statuses of a path (then 200).
 */
class Receiver {
  readonly received: Received[] = [];
  readonly secrets = new Map<string, string>();
  readonly answers = new Map<string, Answer[]>();
  private readonly seen = new Set<string>();
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const body = Buffer.concat(chunks).toString('utf8');
        const secret = this.secrets.get(path) ?? '';
        const verification = verifyWebhookSignature({ secret, timestamp: header(req.headers, 'x-parley-timestamp'), body, signature: header(req.headers, 'x-parley-signature') });
        const deliveryId = header(req.headers, 'x-parley-delivery') ?? '';
        const answer = this.answers.get(path)?.shift() ?? { status: 200 };
        const duplicate = verification.ok && answer.status < 300 && this.seen.has(deliveryId);
        this.received.push({ path, headers: req.headers, body, payload: JSON.parse(body || '{}'), verification, duplicate, at: Date.now() });
        const reply = () => {
          if (!verification.ok) return res.writeHead(401).end(verification.reason);
          if (answer.status < 300) this.seen.add(deliveryId);
          res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.status < 300 ? 'ok' : `receiver says ${answer.status}`);
        };
        if (answer.delayMs) setTimeout(reply, answer.delayMs);
        else reply();
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }
}

const header = (h: IncomingHttpHeaders, name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('outbound webhooks (e2e, real queue and a loopback receiver)', () => {
  let t: TestApp;
  let inboxId: string;
  let agentToken: string;
  const receiver = new Receiver();
  const auth = (token = t.adminToken) => ({ authorization: `Bearer ${token}` });

  async function createWebhook(path: string, body: Record<string, unknown>): Promise<WebhookWithSecretDto> {
    const webhook: WebhookWithSecretDto = (await t.http().post('/api/v1/webhooks').set(auth()).send({ url: `${receiver.url}${path}`, ...body }).expect(201)).body;
    receiver.secrets.set(path, webhook.secret);
    return webhook;
  }

  const removeWebhook = (id: string) => t.http().delete(`/api/v1/webhooks/${id}`).set(auth()).expect(204);

  async function openConversation(body: string): Promise<ConversationDto> {
    const res = await t.http().post('/api/v1/conversations').set(auth()).send({ inboxId, contact: { name: '홍길동', email: `hong.${Date.now()}@hanbit.kr`, company: '한빛상사' }, message: { body } }).expect(201);
    return res.body;
  }

  const deliveries = async (webhookId: string, query = ''): Promise<Page<WebhookDeliveryDto>> => (await t.http().get(`/api/v1/webhooks/${webhookId}/deliveries${query}`).set(auth()).expect(200)).body;
  const delivery = async (webhookId: string, id: string) => (await deliveries(webhookId, '?limit=100')).items.find((d) => d.id === id);

  beforeAll(async () => {
    await receiver.start();
    t = await createTestApp({ env: { WEBHOOK_RETRY_DELAY_SECONDS: '1', WEBHOOK_WORKER_CONCURRENCY: '2' } });
    inboxId = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'B2B API', channel: 'api' }).expect(201)).body.id;
    agentToken = (await createAgent(t, 'agent')).token;
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  it('delivers a signed message.created for a conversation opened through the API, and the receiver verifies it', async () => {
    const webhook = await createWebhook('/signed', { events: ['message.created', 'conversation.created'], description: 'CRM sync' });
    const conversation = await openConversation('견적 부탁드립니다: A4 용지 200박스');

    const got = await waitFor('message.created at the receiver', () => receiver.at('/signed').find((r) => r.payload.event === 'message.created'));
    expect(got.verification).toEqual({ ok: true });
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['user-agent']).toBe('Parley-Webhooks/1');
    expect(got.headers['x-parley-event']).toBe('message.created');
    expect(got.headers['x-parley-delivery']).toBe(got.payload.id);
    expect(Number(got.headers['x-parley-timestamp'])).toBeCloseTo(Date.now() / 1000, -2);
    expect(got.headers['x-parley-signature']).toBe(signWebhook(webhook.secret, Number(got.headers['x-parley-timestamp']), got.body));
    const data = got.payload.data as { inboxId: string; message: MessageDto };
    expect(data.inboxId).toBe(inboxId);
    expect(data.message).toMatchObject({ conversationId: conversation.id, body: '견적 부탁드립니다: A4 용지 200박스', messageType: 'incoming', senderType: 'contact', private: false });
    expect(Object.keys(got.payload).sort()).toEqual(['createdAt', 'data', 'event', 'id']);

    const opened = await waitFor('conversation.created at the receiver', () => receiver.at('/signed').find((r) => r.payload.event === 'conversation.created'));
    expect(opened.verification.ok).toBe(true);
    expect((opened.payload.data as { conversation: ConversationDto }).conversation).toMatchObject({ id: conversation.id, displayId: conversation.displayId });

    const row = await waitFor('the delivery to be logged as succeeded', async () => {
      const d = await delivery(webhook.id, got.payload.id);
      return d?.status === 'succeeded' && d;
    });
    expect(row).toMatchObject({ event: 'message.created', attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null, payload: got.payload });
    expect(row.deliveredAt).not.toBeNull();
    await removeWebhook(webhook.id);
  });

  it('retries a failing receiver with backoff until it succeeds: 500, 500, then 200 is one delivery with 3 attempts', async () => {
    receiver.answers.set('/flaky', [{ status: 500 }, { status: 500 }]);
    const webhook = await createWebhook('/flaky', { events: ['conversation.created'] });
    const conversation = await openConversation('Do you ship to Vietnam?');

    const first = await waitFor('the first attempt', () => receiver.at('/flaky')[0]);
    const id = first.payload.id;
    const waiting = await waitFor('the first failure to be recorded', async () => {
      const d = await delivery(webhook.id, id);
      return d?.attempts === 1 && d;
    });
    expect(waiting).toMatchObject({ status: 'pending', lastStatusCode: 500, lastError: 'HTTP 500: receiver says 500' });
    expect(new Date(waiting.nextAttemptAt ?? 0).getTime()).toBeGreaterThan(new Date(waiting.updatedAt).getTime());

    const done = await waitFor(
      'the delivery to succeed',
      async () => {
        const d = await delivery(webhook.id, id);
        return d?.status === 'succeeded' && d;
      },
      40_000,
    );
    expect(done).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    const attempts = receiver.at('/flaky').filter((r) => r.payload.id === id);
    expect(attempts.map((r) => r.headers['x-parley-delivery'])).toEqual([id, id, id]);
    expect(attempts.every((r) => r.verification.ok && (r.payload.data as { conversation: ConversationDto }).conversation.id === conversation.id)).toBe(true);
    // Exponential backoff with a 1 s base: the first retry waits 1-2 s, the second 2-4 s.
    const gaps = attempts.slice(1).map((r, i) => r.at - (attempts[i]?.at ?? 0));
    expect(gaps).toEqual([expect.any(Number), expect.any(Number)]);
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1900);
    expect((await deliveries(webhook.id)).items).toHaveLength(1);
    await removeWebhook(webhook.id);
  }, 60_000);

  it('the documented verification rejects a replayed old timestamp and a tampered body, and dedupes a replay by delivery id', async () => {
    const webhook = await createWebhook('/replay', { events: ['message.created'] });
    await openConversation('Where is my order #1234?');
    const original = await waitFor('a delivery to capture', () => receiver.at('/replay').find((r) => r.verification.ok));
    const ts = Number(original.headers['x-parley-timestamp']);
    const signature = String(original.headers['x-parley-signature']);

    // Checked directly: the same request six minutes later is too old; a changed byte does not verify.
    expect(verifyWebhookSignature({ secret: webhook.secret, timestamp: ts, body: original.body, signature, now: (ts + 360) * 1000 })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyWebhookSignature({ secret: webhook.secret, timestamp: ts, body: original.body.replace('1234', '9999'), signature })).toEqual({ ok: false, reason: 'mismatch' });

    // And at the receiver, over HTTP.
    const replay = (headers: Record<string, string>, body: string) =>
      fetch(`${receiver.url}/replay`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-parley-delivery': original.payload.id, 'x-parley-event': 'message.created', ...headers }, body });
    const old = ts - 400;
    const stale = await replay({ 'x-parley-timestamp': String(old), 'x-parley-signature': signWebhook(webhook.secret, old, original.body) }, original.body);
    expect([stale.status, await stale.text()]).toEqual([401, 'expired']);
    const tampered = await replay({ 'x-parley-timestamp': String(ts), 'x-parley-signature': signature }, original.body.replace('1234', '9999'));
    expect([tampered.status, await tampered.text()]).toEqual([401, 'mismatch']);
    const fresh = await replay({ 'x-parley-timestamp': String(ts), 'x-parley-signature': signature }, original.body);
    expect(fresh.status).toBe(200);
    expect(receiver.at('/replay').at(-1)).toMatchObject({ duplicate: true, verification: { ok: true } });
    await removeWebhook(webhook.id);
  });

  it('rejects a bad URL, a non-http scheme and unknown event names with 400 naming the field', async () => {
    const create = (body: Record<string, unknown>) => t.http().post('/api/v1/webhooks').set(auth()).send(body);
    const fieldsOf = (res: { body: { details?: { field: string }[] } }) => (res.body.details ?? []).map((d) => d.field);

    for (const url of ['ftp://example.com/hook', 'not a url', 'javascript:alert(1)', 'https://user:secret@example.com/hook']) {
      const res = await create({ url, events: ['message.created'] });
      expect({ url, status: res.status, code: res.body.code, fields: fieldsOf(res) }).toEqual({ url, status: 400, code: 'validation_failed', fields: ['url'] });
    }
    for (const events of [['message.created', 'message.exploded'], ['ping'], [], 'message.created']) {
      const res = await create({ url: 'https://example.com/hook', events });
      expect({ events, status: res.status, code: res.body.code, fields: fieldsOf(res) }).toEqual({ events, status: 400, code: 'validation_failed', fields: ['events'] });
    }
    const unknown = await create({ url: 'https://example.com/hook', events: ['message.created', 'message.exploded'] });
    expect(unknown.body.message).toMatch(/events must be one of: message.created, conversation.created/);
    expect((await create({ url: 'https://example.com/hook', events: ['message.created'], secret: 'mine' })).status).toBe(400);

    const webhook = await createWebhook('/validation', { events: ['message.created'] });
    const patch = await t.http().patch(`/api/v1/webhooks/${webhook.id}`).set(auth()).send({ url: 'gopher://example.com' });
    expect([patch.status, fieldsOf(patch)]).toEqual([400, ['url']]);
    await t.http().patch(`/api/v1/webhooks/${webhook.id}`).set(auth()).send({}).expect(200);
    await removeWebhook(webhook.id);
  });

  it('is for admins only: agents get 403 on every webhook route', async () => {
    const webhook = await createWebhook('/rbac', { events: ['message.created'] });
    const agent = auth(agentToken);
    const calls = [
      t.http().get('/api/v1/webhooks').set(agent),
      t.http().post('/api/v1/webhooks').set(agent).send({ url: 'https://example.com/x', events: ['message.created'] }),
      t.http().get(`/api/v1/webhooks/${webhook.id}`).set(agent),
      t.http().patch(`/api/v1/webhooks/${webhook.id}`).set(agent).send({ enabled: false }),
      t.http().post(`/api/v1/webhooks/${webhook.id}/rotate-secret`).set(agent),
      t.http().post(`/api/v1/webhooks/${webhook.id}/test`).set(agent),
      t.http().get(`/api/v1/webhooks/${webhook.id}/deliveries`).set(agent),
      t.http().delete(`/api/v1/webhooks/${webhook.id}`).set(agent),
    ];
    for (const call of calls) {
      const res = await call;
      expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
      expect(JSON.stringify(res.body)).not.toContain(webhook.secret);
    }
    await removeWebhook(webhook.id);
  });

  it('shows the secret on create, detail and rotate, never in the list or the audit log; a rotated secret signs the next delivery', async () => {
    const webhook = await createWebhook('/secrets', { events: ['conversation.updated'], description: 'ERP' });
    expect(webhook.secret).toMatch(/^whsec_/);
    expect(webhook.secretHint).toBe(`…${webhook.secret.slice(-4)}`);

    const list: WebhookDto[] = (await t.http().get('/api/v1/webhooks').set(auth()).expect(200)).body;
    const listed = list.find((w) => w.id === webhook.id);
    expect(listed).toMatchObject({ url: `${receiver.url}/secrets`, events: ['conversation.updated'], description: 'ERP', enabled: true, includePrivate: false, secretHint: webhook.secretHint });
    expect(listed).not.toHaveProperty('secret');
    expect(JSON.stringify(list)).not.toContain(webhook.secret);

    const detail: WebhookWithSecretDto = (await t.http().get(`/api/v1/webhooks/${webhook.id}`).set(auth()).expect(200)).body;
    expect(detail.secret).toBe(webhook.secret);

    const rotated: WebhookWithSecretDto = (await t.http().post(`/api/v1/webhooks/${webhook.id}/rotate-secret`).set(auth()).expect(200)).body;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(webhook.secret);
    expect((await t.http().get(`/api/v1/webhooks/${webhook.id}`).set(auth()).expect(200)).body.secret).toBe(rotated.secret);

    receiver.secrets.set('/secrets', rotated.secret);
    const ping: WebhookDeliveryDto = (await t.http().post(`/api/v1/webhooks/${webhook.id}/test`).set(auth()).expect(202)).body;
    expect(ping).toMatchObject({ event: 'ping', status: 'pending', attempts: 0, webhookId: webhook.id });
    const got = await waitFor('the ping', () => receiver.at('/secrets').find((r) => r.payload.id === ping.id));
    expect(got.verification).toEqual({ ok: true });
    expect(got.payload).toMatchObject({ event: 'ping', data: { webhookId: webhook.id } });
    const ts = Number(got.headers['x-parley-timestamp']);
    expect(verifyWebhookSignature({ secret: webhook.secret, timestamp: ts, body: got.body, signature: String(got.headers['x-parley-signature']) })).toEqual({ ok: false, reason: 'mismatch' });

    const audit: AuditLogDto[] = (await t.http().get(`/api/v1/audit-logs?entityId=${webhook.id}`).set(auth()).expect(200)).body;
    expect(audit.map((a) => a.action).sort()).toEqual(['webhook.created', 'webhook.secret_rotated']);
    expect(JSON.stringify(audit)).not.toContain(webhook.secret.slice(6));
    expect(JSON.stringify(audit)).not.toContain(rotated.secret.slice(6));
    await removeWebhook(webhook.id);
  });

  it('keeps private notes from webhooks unless they opt in with includePrivate', async () => {
    const closed = await createWebhook('/notes-off', { events: ['message.created'] });
    const open = await createWebhook('/notes-on', { events: ['message.created'], includePrivate: true });
    expect([closed.includePrivate, open.includePrivate]).toEqual([false, true]);
    const conversation = await openConversation('Can I get an invoice for my company?');
    const post = (body: string, isPrivate: boolean) => t.http().post(`/api/v1/conversations/${conversation.id}/messages`).set(auth()).send({ body, private: isPrivate }).expect(201);
    const note: MessageDto = (await post('Internal: this customer owes us 3 invoices', true)).body;
    const reply: MessageDto = (await post('Of course, we will send it today.', false)).body;

    const messageIds = (path: string) => receiver.at(path).map((r) => (r.payload.data as { message: MessageDto }).message.id);
    await waitFor('the note at the opted-in webhook', () => messageIds('/notes-on').includes(note.id));
    await waitFor('the reply at both', () => messageIds('/notes-off').includes(reply.id) && messageIds('/notes-on').includes(reply.id));
    // A note's delivery rows for all webhooks are inserted in one statement: once the opted-in one has it, the other's fate is decided.
    expect(messageIds('/notes-off')).not.toContain(note.id);
    expect(JSON.stringify(receiver.at('/notes-off'))).not.toContain('owes us');
    const logged = (await deliveries(closed.id)).items.map((d) => (d.payload.data as { message: MessageDto }).message.id);
    expect(logged).toContain(reply.id);
    expect(logged).not.toContain(note.id);
    const privateAtOptIn = receiver.at('/notes-on').find((r) => (r.payload.data as { message: MessageDto }).message.id === note.id);
    expect((privateAtOptIn?.payload.data as { message: MessageDto }).message).toMatchObject({ private: true, body: 'Internal: this customer owes us 3 invoices' });
    await removeWebhook(closed.id);
    await removeWebhook(open.id);
  });

  it('a 410 Gone disables the webhook without retrying; redelivery sends the same delivery again, once at a time', async () => {
    receiver.answers.set('/gone', [{ status: 410 }, { status: 200, delayMs: 1500 }]);
    const webhook = await createWebhook('/gone', { events: ['conversation.created'] });
    const ping: WebhookDeliveryDto = (await t.http().post(`/api/v1/webhooks/${webhook.id}/test`).set(auth()).expect(202)).body;
    const failed = await waitFor('the 410 to be recorded', async () => {
      const d = await delivery(webhook.id, ping.id);
      return d?.status === 'failed' && d;
    });
    expect(failed).toMatchObject({ attempts: 1, lastStatusCode: 410, nextAttemptAt: null });
    const disabled: WebhookDto = (await t.http().get(`/api/v1/webhooks/${webhook.id}`).set(auth()).expect(200)).body;
    expect(disabled).toMatchObject({ enabled: false, disabledReason: 'the receiver answered 410 Gone' });

    // A disabled webhook gets no new events...
    await openConversation('Anyone there?');
    // ...but an admin can still redeliver to it (the receiver now answers slowly: the delivery is pending meanwhile).
    const again: WebhookDeliveryDto = (await t.http().post(`/api/v1/webhooks/${webhook.id}/deliveries/${ping.id}/redeliver`).set(auth()).expect(202)).body;
    expect(again).toMatchObject({ id: ping.id, status: 'pending' });
    await waitFor('the redelivery to reach the receiver', () => receiver.at('/gone').length === 2);
    const twice = await t.http().post(`/api/v1/webhooks/${webhook.id}/deliveries/${ping.id}/redeliver`).set(auth());
    expect([twice.status, twice.body.code]).toEqual([409, 'conflict']);
    const done = await waitFor('the redelivery to succeed', async () => {
      const d = await delivery(webhook.id, ping.id);
      return d?.status === 'succeeded' && d;
    });
    expect(done).toMatchObject({ attempts: 2, lastStatusCode: 200, lastError: null });
    expect(receiver.at('/gone').map((r) => r.payload.id)).toEqual([ping.id, ping.id]);
    expect(receiver.at('/gone').every((r) => r.verification.ok && r.payload.event === 'ping')).toBe(true);

    const enabled: WebhookDto = (await t.http().patch(`/api/v1/webhooks/${webhook.id}`).set(auth()).send({ enabled: true }).expect(200)).body;
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null });
    const audit: AuditLogDto[] = (await t.http().get(`/api/v1/audit-logs?entityId=${webhook.id}`).set(auth()).expect(200)).body;
    expect(audit.find((a) => a.action === 'webhook.disabled')).toMatchObject({ actorType: 'system' });
    await removeWebhook(webhook.id);
  }, 40_000);

  it('pages the delivery log newest first with a keyset cursor', async () => {
    const webhook = await createWebhook('/log', { events: ['message.created'] });
    const sent: string[] = [];
    for (let i = 0; i < 3; i++) sent.push((await t.http().post(`/api/v1/webhooks/${webhook.id}/test`).set(auth()).expect(202)).body.id);
    const first = await deliveries(webhook.id, '?limit=2');
    expect(first.items.map((d) => d.id)).toEqual([sent[2], sent[1]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await deliveries(webhook.id, `?limit=2&cursor=${first.nextCursor}`);
    expect(second).toEqual({ items: [expect.objectContaining({ id: sent[0] })], nextCursor: null });
    const bad = await t.http().get(`/api/v1/webhooks/${webhook.id}/deliveries?cursor=nonsense`).set(auth());
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
    await t.http().get('/api/v1/webhooks/00000000-0000-4000-8000-000000000000/deliveries').set(auth()).expect(404);
    await waitFor('the pings to arrive', () => receiver.at('/log').length === 3);
    await removeWebhook(webhook.id);
  });
});
