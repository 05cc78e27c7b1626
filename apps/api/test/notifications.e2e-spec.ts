import type { ConversationDto, MessageDto, NotificationPreferencesDto } from '@parley/shared/contracts';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'socket.io-client';
import { StaffAlertsService } from '../src/modules/notifications/staff-alerts.service';
import { MailSink, waitFor, type Mail } from './support/smtp';
import { call, connect } from './support/sockets';
import { ADMIN, createAgent, createTestApp, TestApp } from './support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const PUBLIC_URL = 'https://help.example.test';
const DIGEST_WINDOW_SECONDS = 3;
const FOLLOW_UP_DELAY_SECONDS = 2;

/** How many alerts a mail carries: one on its own, or the total of a digest's summary ("99 new conversations, 1 contact details"). */
function alertCount(mail: Mail): number {
  if (!mail.subject.startsWith('Parley: ')) return 1;
  return [...mail.subject.matchAll(/(\d+) /g)].reduce((n, m) => n + Number(m[1]), 0);
}

describe('notifications (e2e, real SMTP server and job queue)', () => {
  let t: TestApp;
  const smtp = new MailSink();
  /** A loopback SMS gateway for the generic HTTP provider. */
  const smsReceived: { to: string; text: string; locale: string }[] = [];
  let smsGateway: Server;
  const sockets: Socket[] = [];
  const auth = (token = t.adminToken) => ({ authorization: `Bearer ${token}` });

  async function createInbox(name: string, agentIds: string[]): Promise<{ id: string; publicToken: string }> {
    const inbox = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name, channel: 'web_widget' }).expect(201)).body;
    await t.http().put(`/api/v1/inboxes/${inbox.id}/members`).set(auth()).send({ agentIds }).expect(200);
    return inbox;
  }

  async function createConversation(inboxId: string, contact: Record<string, unknown>, body = 'Hello, I need help'): Promise<ConversationDto> {
    return (await t.http().post('/api/v1/conversations').set(auth()).send({ inboxId, contact, message: { body } }).expect(201)).body;
  }

  const reply = async (conversationId: string, body: string): Promise<MessageDto> =>
    (await t.http().post(`/api/v1/conversations/${conversationId}/messages`).set(auth()).send({ body }).expect(201)).body;

  /** The follow-up job of a message ran to the end (so "no email" is an outcome, not a job that has not run yet). */
  const followUpDone = (messageId: string) =>
    waitFor(`the follow-up job of ${messageId}`, async () => {
      const [row] = await t.db.query(`SELECT state FROM pgboss.job WHERE name = 'notify-follow-up' AND data->>'messageId' = $1`, [messageId]);
      return row?.state === 'completed';
    });

  beforeAll(async () => {
    await smtp.start();
    smsGateway = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        smsReceived.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => smsGateway.listen(0, '127.0.0.1', resolve));
    t = await createTestApp({
      listen: true,
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Harbor Help <help@harbor.test>',
        PUBLIC_URL,
        NOTIFY_DIGEST_WINDOW_SECONDS: String(DIGEST_WINDOW_SECONDS),
        FOLLOW_UP_DELAY_SECONDS: String(FOLLOW_UP_DELAY_SECONDS),
        NOTIFY_WORKER_CONCURRENCY: '2',
        // The SLA check is called directly below.
        NOTIFY_SLA_CHECK_SECONDS: '3600',
        SMS_HTTP_URL: `http://127.0.0.1:${(smsGateway.address() as AddressInfo).port}/sms`,
      },
    });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
    await smtp.stop();
    await new Promise((resolve) => smsGateway?.close(resolve));
  });

  describe('preferences', () => {
    it('starts from the defaults (unassigned messages off) and changes only the types given', async () => {
      const agent = await createAgent(t, 'agent', 'Pref');
      const initial: NotificationPreferencesDto = (await t.http().get('/api/v1/notifications/preferences').set(auth(agent.token)).expect(200)).body;
      expect(initial).toEqual({
        emailEnabled: true,
        email: { conversation_created: true, contact_captured: true, unassigned_message: false, sla_warning: true, quote_request_created: true, quote_request_answered: true },
      });
      await t.http().put('/api/v1/notifications/preferences').set(auth(agent.token)).send({ email: { unassigned_message: true } }).expect(200);
      const changed = (await t.http().put('/api/v1/notifications/preferences').set(auth(agent.token)).send({ email: { conversation_created: false } }).expect(200)).body;
      expect(changed.email).toMatchObject({ conversation_created: false, unassigned_message: true, contact_captured: true });
      expect((await t.http().get('/api/v1/notifications/preferences').set(auth(agent.token)).expect(200)).body).toEqual(changed);
      await t.http().put('/api/v1/notifications/preferences').set(auth(agent.token)).send({ email: { everything: true } }).expect(400);
      await t.http().put('/api/v1/notifications/preferences').set(auth(agent.token)).send({ email: { sla_warning: 'yes' } }).expect(400);
      await t.http().get('/api/v1/notifications/preferences').expect(401);
    });
  });

  describe('staff alerts', () => {
    it("emails a new conversation to the inbox's agents and admins with a link; not to an agent who turned it off, nor to other inboxes' agents", async () => {
      const mina = await createAgent(t, 'agent', 'Mina');
      const joon = await createAgent(t, 'agent', 'Joon');
      const outsider = await createAgent(t, 'agent', 'Outsider');
      await t.http().put('/api/v1/notifications/preferences').set(auth(joon.token)).send({ email: { conversation_created: false } }).expect(200);
      const inbox = await createInbox('Website chat', [mina.id, joon.id]);

      const conversation = await createConversation(inbox.id, { name: 'Eve <script>', email: 'eve.alert@example.test' });
      const mail = await waitFor('the alert to Mina', () => smtp.to(mina.email)[0]);
      expect(mail.subject).toBe(`New conversation #${conversation.displayId} in Website chat`);
      expect(mail.headers.get('from')).toContain('help@harbor.test');
      expect(mail.text).toContain(`${PUBLIC_URL}/conversations/${conversation.id}`);
      expect(mail.html).toContain(`href="${PUBLIC_URL}/conversations/${conversation.id}"`);
      await waitFor('the alert to the admin', () => smtp.to(ADMIN.email).some((m) => m.text.includes(conversation.id)));

      await sleep(1500);
      expect(smtp.to(joon.email)).toHaveLength(0);
      expect(smtp.to(outsider.email)).toHaveLength(0);
      expect(smtp.to('eve.alert@example.test')).toHaveLength(0);
    });

    it('turns a burst of 100 new conversations into a digest, not 100 emails', async () => {
      const burst = await createAgent(t, 'agent', 'Burst');
      const inbox = await createInbox('B2B quotes', [burst.id]);
      const created: ConversationDto[] = [];
      for (let i = 0; i < 100; i += 10) {
        created.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => createConversation(inbox.id, { name: `Buyer ${i + j}` })))));
      }

      const total = () => smtp.to(burst.email).reduce((n, m) => n + alertCount(m), 0);
      await waitFor('all 100 alerts to reach the agent', () => total() >= 100, 40_000);
      await sleep((DIGEST_WINDOW_SECONDS + 1.5) * 1000);

      const mails = smtp.to(burst.email);
      expect(mails.length).toBeLessThanOrEqual(2);
      expect(total()).toBe(100);
      const digest = mails[mails.length - 1];
      expect(digest.subject).toMatch(/^Parley: \d+ new conversations$/);
      // Every conversation is linked from one of the emails.
      const linked = new Set(mails.flatMap((m) => [...m.text.matchAll(/\/conversations\/([0-9a-f-]{36})/g)].map((x) => x[1])));
      expect(created.every((c) => linked.has(c.id))).toBe(true);

      // The admin sees every inbox: the burst reached them batched as well.
      const adminLinked = () => new Set(smtp.to(ADMIN.email).flatMap((m) => [...m.text.matchAll(/\/conversations\/([0-9a-f-]{36})/g)].map((x) => x[1])));
      await waitFor('the admin digest', () => created.every((c) => adminLinked().has(c.id)), 20_000);
      const adminBurstMails = smtp.to(ADMIN.email).filter((m) => created.some((c) => m.text.includes(c.id)));
      expect(adminBurstMails.length).toBeLessThanOrEqual(2);
    }, 90_000);

    it('warns the inbox once when a first-response deadline is about to pass', async () => {
      const sla = await createAgent(t, 'agent', 'Sla');
      const inbox = await createInbox('SLA desk', [sla.id]);
      const conversation = await createConversation(inbox.id, { name: 'Waiting' });
      await waitFor('the new-conversation alert', () => smtp.to(sla.email).length);
      await t.db.query(`UPDATE conversations SET first_response_due_at = now() + interval '5 minutes' WHERE id = $1`, [conversation.id]);

      const alerts = t.app.get(StaffAlertsService);
      expect(await alerts.checkSla()).toBeGreaterThanOrEqual(1);
      expect(await alerts.checkSla()).toBe(0);
      // Inside the mail window: it arrives at the end of it.
      const mail = await waitFor('the SLA warning', () => smtp.to(sla.email).find((m) => m.text.includes('First reply due') && m.text.includes(conversation.id)), 15_000);
      expect(mail.text).toContain(`#${conversation.displayId} in SLA desk`);
    });
  });

  describe('visitor messages in unassigned conversations', () => {
    it('alert only the agents who turned them on, and not for the opening message', async () => {
      const keen = await createAgent(t, 'agent', 'Keen');
      const calm = await createAgent(t, 'agent', 'Calm');
      await t.http().put('/api/v1/notifications/preferences').set(auth(keen.token)).send({ email: { unassigned_message: true } }).expect(200);
      const inbox = await createInbox('Chat desk', [keen.id, calm.id]);
      const session = (await t.http().post('/api/v1/widget/sessions').send({ inboxToken: inbox.publicToken }).expect(200)).body;
      const socket = await connect(t.url, '/widget', { visitorToken: session.visitorToken });
      sockets.push(socket);
      const first = await call(socket, 'message.send', { clientMessageId: randomUUID(), body: 'hello?' });
      await waitFor('the new-conversation alert', () => smtp.to(keen.email).length);
      await call(socket, 'message.send', { conversationId: first.message.conversationId, clientMessageId: randomUUID(), body: 'anyone there?' });

      const mail = await waitFor('the unassigned-message alert', () => smtp.to(keen.email).find((m) => m.text.includes('unassigned conversation')), 15_000);
      expect(mail.text).toContain(`${PUBLIC_URL}/conversations/${first.message.conversationId}`);
      expect(smtp.to(keen.email).flatMap((m) => m.text.match(/unassigned conversation #/g) ?? [])).toHaveLength(1);
      expect(smtp.to(calm.email).some((m) => m.text.includes('unassigned conversation'))).toBe(false);
    });
  });

  describe('follow-up to contacts who left', () => {
    let firstFollowUp: Mail;
    let conversation: ConversationDto;

    it('emails an unread agent reply to the contact with the text, a conversation link and an unsubscribe link', async () => {
      conversation = await createConversation((await createInbox('Support', [])).id, { name: 'Hong', email: 'hong@hanbit.test', locale: 'en' });
      const message = await reply(conversation.id, 'Your order <b>#42</b> ships today & arrives Friday.\nThanks!');

      firstFollowUp = await waitFor('the follow-up email', () => smtp.to('hong@hanbit.test')[0], 20_000);
      expect(Date.now() - new Date(message.createdAt).getTime()).toBeGreaterThanOrEqual(FOLLOW_UP_DELAY_SECONDS * 1000 - 200);
      expect(firstFollowUp.subject).toBe(`New reply from Harbor & Co. (#${conversation.displayId})`);
      expect(firstFollowUp.text).toContain('Your order <b>#42</b> ships today & arrives Friday.\nThanks!');
      expect(firstFollowUp.html).toContain('Your order &lt;b&gt;#42&lt;/b&gt; ships today &amp; arrives Friday.');
      expect(firstFollowUp.html).not.toContain('<b>#42</b>');
      expect(firstFollowUp.text).toContain(`${PUBLIC_URL}/demo?conversation=${conversation.id}`);
      expect(firstFollowUp.text).toMatch(new RegExp(`${PUBLIC_URL}/api/v1/unsubscribe\\?token=[\\w.%-]+`));
      expect(firstFollowUp.headers.get('list-unsubscribe')).toMatch(/^<https:\/\/help\.example\.test\/api\/v1\/unsubscribe\?token=/);
      await followUpDone(message.id);
      expect(smtp.to('hong@hanbit.test')).toHaveLength(1);
    });

    it('sends nothing when the visitor reads the reply in time', async () => {
      const inbox = await createInbox('Widget', []);
      const session = (await t.http().post('/api/v1/widget/sessions').send({ inboxToken: inbox.publicToken }).expect(200)).body;
      const socket = await connect(t.url, '/widget', { visitorToken: session.visitorToken });
      sockets.push(socket);
      const sent = await call(socket, 'message.send', { clientMessageId: randomUUID(), body: '배송 언제 와요?' });
      expect(sent).toMatchObject({ ok: true });
      expect(await call(socket, 'contact.update', { email: 'reader@example.test' })).toMatchObject({ ok: true });

      const message = await reply(sent.message.conversationId, 'It ships tomorrow.');
      expect(await call(socket, 'message.read', { conversationId: sent.message.conversationId, seq: message.seq })).toMatchObject({ ok: true });
      await followUpDone(message.id);
      await sleep(300);
      expect(smtp.to('reader@example.test')).toHaveLength(0);
    });

    it('sends nothing after the contact unsubscribed through the link, which refuses forged tokens', async () => {
      const link = /(https:\/\/help\.example\.test\/api\/v1\/unsubscribe\?token=[\w.%-]+)/.exec(firstFollowUp.text)?.[1] ?? '';
      const path = link.slice(PUBLIC_URL.length);
      const token = new URL(link).searchParams.get('token') ?? '';
      await t.http().get(`/api/v1/unsubscribe?token=${encodeURIComponent(token.slice(0, -2) + 'xx')}`).expect(400);
      await t.http().get('/api/v1/unsubscribe').expect(400);
      const page = await t.http().get(path).expect(200);
      expect(page.text).toContain('no more emails');
      const [contact] = await t.db.query(`SELECT unsubscribed_at FROM contacts WHERE email = 'hong@hanbit.test'`);
      expect(contact.unsubscribed_at).toBeInstanceOf(Date);

      const message = await reply(conversation.id, 'One more thing about your order.');
      await followUpDone(message.id);
      await sleep(300);
      expect(smtp.to('hong@hanbit.test')).toHaveLength(1);
    });

    it('sends an SMS from the locale template when the contact left only a phone number', async () => {
      const phoneOnly = await createConversation((await createInbox('Phone', [])).id, { name: '홍길동', phone: '+821012345678', locale: 'ko' });
      const message = await reply(phoneOnly.id, '내일 출고됩니다.');
      await followUpDone(message.id);
      expect(smsReceived).toEqual([{ to: '+821012345678', locale: 'ko', text: `[Harbor & Co.] 문의 #${phoneOnly.displayId}에 답변이 도착했습니다. 확인하기: ${PUBLIC_URL}/demo?conversation=${phoneOnly.id}` }]);
    });
  });
});
