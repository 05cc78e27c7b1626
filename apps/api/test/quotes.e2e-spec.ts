import { EventEmitter2 } from '@nestjs/event-emitter';
import type { MessageDto, Page, QuoteRequestCounts, QuoteRequestDto, QuoteRequestEvent, TriageResultDto, VisitorMessage } from '@parley/shared/contracts';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { AppConfig } from '../src/core/config/app-config';
import { QuoteExpiryService } from '../src/modules/quotes/quote-expiry.service';
import { signQuoteLinkToken } from '../src/modules/quotes/quote-link-token';
import { formatMoney } from '../src/modules/quotes/quote-texts';
import { TRIAGE_COMPLETED, type TriageChangedEvent } from '../src/modules/triage/triage.events';
import { pdfText } from './support/pdf';
import { MailSink, waitFor } from './support/smtp';
import { call, connect, next } from './support/sockets';
import { ADMIN, createAgent, createTestApp, TestApp } from './support/test-app';

const PUBLIC_URL = 'https://help.example.test';
const SHOP = 'https://shop.example.test';
const QUOTES_PER_IP = 20;
const LINK = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/api/v1/public/quotes/([\\w.-]+)`);

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
let ipSeq = 0;
/** Each public request its own client address (trusted from loopback), so rate limits stay out of the way unless tested. */
const nextIp = () => `10.1.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

describe('quote requests (e2e, real Postgres, SMTP and sockets)', () => {
  let t: TestApp;
  const smtp = new MailSink();
  const sockets: Socket[] = [];
  let inbox: { id: string; publicToken: string };
  let otherInbox: { id: string; publicToken: string };
  let mina: { id: string; token: string; email: string };
  let joon: { id: string; token: string; email: string };
  let adminSocket: Socket;
  const auth = (token = t.adminToken) => ({ authorization: `Bearer ${token}` });

  const form = (overrides: Record<string, unknown> = {}) => ({
    inboxToken: inbox.publicToken,
    items: [{ name: '무선 바코드 스캐너', quantity: 500, targetUnitPrice: 45000, currency: 'KRW' }, { url: 'https://shop.example.com/p/42', quantity: 20 }],
    deadline: days(20),
    destinationCountry: 'kr',
    notes: '세금계산서 발행 부탁드립니다',
    contact: { name: '김민수', company: '한빛상사', email: `buyer.${randomUUID().slice(0, 8)}@hanbit.test`, phone: '010-2345-6789' },
    ...overrides,
  });
  const submit = (body: unknown, ip = nextIp(), origin: string | null = SHOP) => {
    const req = t.http().post('/api/v1/public/quote-requests').set('x-forwarded-for', ip);
    return (origin ? req.set('origin', origin) : req).send(body as object);
  };
  const get = async (id: string, token = t.adminToken): Promise<QuoteRequestDto> => (await t.http().get(`/api/v1/quote-requests/${id}`).set(auth(token)).expect(200)).body;
  const patch = (id: string, body: unknown, token = t.adminToken) => t.http().patch(`/api/v1/quote-requests/${id}`).set(auth(token)).send(body as object);
  const list = async (query: string, token = t.adminToken): Promise<Page<QuoteRequestDto>> => (await t.http().get(`/api/v1/quote-requests${query}`).set(auth(token)).expect(200)).body;
  const countRows = async () => Number((await t.db.query('SELECT count(*)::int AS n FROM quote_requests'))[0].n);

  async function visitor(): Promise<Socket> {
    const session = (await t.http().post('/api/v1/widget/sessions').send({ inboxToken: inbox.publicToken }).expect(200)).body;
    const socket = await connect(t.url, '/widget', { visitorToken: session.visitorToken });
    sockets.push(socket);
    return socket;
  }

  const widgetQuote = (contact: Record<string, unknown> = { name: '홍길동', company: '한빛상사 <주>', email: 'hong@hanbit.test', phone: '010-1234-5678' }) => ({
    clientRequestId: randomUUID(),
    items: [{ name: '무선 스캐너 <b>DS-2278</b>', quantity: 500, targetUnitPrice: 45000, currency: 'KRW' }],
    destinationCountry: 'KR',
    contact,
  });

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({
      listen: true,
      env: {
        SMTP_URL: smtp.url,
        PUBLIC_URL,
        NOTIFY_DIGEST_WINDOW_SECONDS: '1',
        NOTIFY_WORKER_CONCURRENCY: '2',
        FOLLOW_UP_DELAY_SECONDS: '3600',
        RATE_LIMIT_IP_QUOTES_PER_HOUR: String(QUOTES_PER_IP),
      },
    });
    mina = await createAgent(t, 'agent', 'Mina');
    joon = await createAgent(t, 'agent', 'Joon');
    inbox = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'B2B quotes', channel: 'web_widget', allowedOrigins: [SHOP] }).expect(201)).body;
    otherInbox = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'Retail', channel: 'web_widget' }).expect(201)).body;
    await t.http().put(`/api/v1/inboxes/${inbox.id}/members`).set(auth()).send({ agentIds: [mina.id] }).expect(200);
    await t.http().put(`/api/v1/inboxes/${otherInbox.id}/members`).set(auth()).send({ agentIds: [joon.id] }).expect(200);
    adminSocket = await connect(t.url, '/agents', { token: t.adminToken });
    sockets.push(adminSocket);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
    await smtp.stop();
  });

  describe('public form', () => {
    it('stores a request from an allowed origin, links a contact found or created by email, tells agents live and alerts staff by email', async () => {
      const body = form();
      const live = next<QuoteRequestEvent>(adminSocket, 'quote_request.created', (e) => e.quoteRequest.source === 'public_form');
      const res = await submit(body).expect(202);
      expect(res.body).toEqual({ id: expect.any(String), displayId: expect.any(Number), status: 'new' });
      expect((await live).quoteRequest.id).toBe(res.body.id);

      const q = await get(res.body.id, mina.token);
      expect(q).toMatchObject({
        source: 'public_form',
        status: 'new',
        proposed: false,
        inboxId: inbox.id,
        conversationId: null,
        destinationCountry: 'KR',
        deadline: body.deadline,
        contact: { name: '김민수', company: '한빛상사', email: body.contact.email, phone: '+821023456789' },
        items: [
          { name: '무선 바코드 스캐너', url: null, quantity: 500, targetUnitPrice: 45000, currency: 'KRW' },
          { name: null, url: 'https://shop.example.com/p/42', quantity: 20, targetUnitPrice: null, currency: 'KRW' },
        ],
      });
      expect(q.history).toEqual([expect.objectContaining({ action: 'created', to: 'new', actor: 'customer' })]);
      const [contact] = await t.db.query('SELECT id, name, company, phone FROM contacts WHERE email = $1', [body.contact.email]);
      expect(q.contactId).toBe(contact.id);

      // A second request with the same email (other case) links the same contact and does not overwrite it.
      const again = await submit(form({ contact: { name: 'Someone Else', email: body.contact.email.toUpperCase() } })).expect(202);
      expect((await get(again.body.id)).contactId).toBe(contact.id);
      expect((await t.db.query('SELECT name FROM contacts WHERE id = $1', [contact.id]))[0].name).toBe('김민수');

      const mail = await waitFor('the staff alert to Mina', () => smtp.to(mina.email).find((m) => m.text.includes(`${PUBLIC_URL}/quotes/${q.id}`)));
      expect(mail.text).toContain(`Q-${q.displayId}`);
      await waitFor('the staff alert to the admin', () => smtp.to(ADMIN.email).some((m) => m.text.includes(`/quotes/${q.id}`)));
      expect(smtp.to(joon.email).some((m) => m.text.includes(q.id))).toBe(false);
    });

    it('names every invalid field and stores nothing', async () => {
      const before = await countRows();
      const res = await submit(
        form({
          items: [{ quantity: 0, targetUnitPrice: -5, currency: 'krw' }, { name: '   ', url: 'ftp://example.com/x', quantity: 1.5 }],
          deadline: '2020-01-01',
          destinationCountry: 'XX',
          contact: { email: 'not-an-email', phone: '12' },
          notes: 'x'.repeat(5001),
          surprise: true,
        }),
      ).expect(400);
      expect(res.body.code).toBe('validation_failed');
      const fields = (res.body.details as { field: string }[]).map((d) => d.field);
      for (const f of ['items.0.name', 'items.0.quantity', 'items.0.targetUnitPrice', 'items.0.currency', 'items.1.name', 'items.1.url', 'items.1.quantity', 'deadline', 'destinationCountry', 'notes', 'contact.email', 'contact.phone', 'surprise']) {
        expect(fields).toContain(f);
      }
      expect((await submit(form({ items: [] })).expect(400)).body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'items' })]));
      expect((await submit(form({ contact: { name: 'No way to reach me' } })).expect(400)).body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'contact.email' })]));
      expect((await submit(form({ contact: undefined })).expect(400)).body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'contact' })]));
      // A phone alone is enough.
      await submit(form({ contact: { name: 'Phone only', phone: '+1 415 555 0132' } })).expect(202);
      expect(await countRows()).toBe(before + 1);
    });

    it('answers a filled honeypot like a real request and stores nothing', async () => {
      const before = await countRows();
      const body = form({ website: 'https://spam.example' });
      const res = await submit(body).expect(202);
      expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), displayId: 0, status: 'new' });
      expect(await countRows()).toBe(before);
      expect(await t.db.query('SELECT 1 FROM contacts WHERE email = $1', [body.contact.email])).toHaveLength(0);
    });

    it(`limits requests per IP (${QUOTES_PER_IP} an hour) with rate_limited and retryAfterMs`, async () => {
      const ip = '10.9.9.9';
      for (let i = 0; i < QUOTES_PER_IP; i++) await submit(form({ website: 'bot' }), ip).expect(202);
      const res = await submit(form(), ip).expect(429);
      expect(res.body).toMatchObject({ code: 'rate_limited', details: { retryAfterMs: expect.any(Number) } });
      expect(res.body.details.retryAfterMs).toBeGreaterThan(0);
      await submit(form({ website: 'bot' }), '10.9.9.10').expect(202);
    });

    it("refuses an origin the inbox does not allow, and an unknown inbox token; a server-side post (no Origin) is fine", async () => {
      const before = await countRows();
      expect((await submit(form(), nextIp(), 'https://evil.example').expect(403)).body.code).toBe('forbidden');
      expect((await submit(form({ inboxToken: 'no-such-inbox-token' })).expect(404)).body.code).toBe('not_found');
      expect(await countRows()).toBe(before);
      await submit(form(), nextIp(), null).expect(202);
    });
  });

  describe('widget quote.submit', () => {
    it('stores once per clientRequestId, links the visitor, opens a conversation, notes it there and files it as b2b_quote', async () => {
      const socket = await visitor();
      const payload = widgetQuote();
      const first = await call(socket, 'quote.submit', payload);
      expect(first).toEqual({ ok: true, quoteRequest: { id: expect.any(String), displayId: expect.any(Number), status: 'new', conversationId: expect.any(String) } });
      expect(await call(socket, 'quote.submit', payload)).toEqual(first);
      expect(await t.db.query('SELECT 1 FROM quote_requests WHERE client_request_id = $1', [payload.clientRequestId])).toHaveLength(1);

      const { id, displayId, conversationId } = first.quoteRequest;
      const q = await get(id);
      expect(q).toMatchObject({ source: 'widget', inboxId: inbox.id, conversationId, contact: { name: '홍길동', company: '한빛상사 <주>', email: 'hong@hanbit.test', phone: '+821012345678' } });
      const contact = (await t.http().get(`/api/v1/contacts/${q.contactId}`).set(auth()).expect(200)).body;
      expect(contact).toMatchObject({ name: '홍길동', company: '한빛상사 <주>', email: 'hong@hanbit.test', phone: '+821012345678' });
      const conversation = (await t.http().get(`/api/v1/conversations/${conversationId}`).set(auth()).expect(200)).body;
      expect(conversation.category).toBe('b2b_quote');
      const messages: MessageDto[] = (await t.http().get(`/api/v1/conversations/${conversationId}/messages`).set(auth()).expect(200)).body;
      expect(messages.filter((m) => m.body === `Quote request Q-${displayId} received`)).toEqual([expect.objectContaining({ messageType: 'activity' })]);

      // The visitor's next request goes into the same open conversation; another visitor's conversation is off limits.
      const second = await call(socket, 'quote.submit', { ...widgetQuote(), conversationId });
      expect(second.quoteRequest.conversationId).toBe(conversationId);
      const stranger = await visitor();
      expect(await call(stranger, 'quote.submit', { ...widgetQuote(), conversationId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });

    it('answers junk with invalid_payload and keeps the socket usable', async () => {
      const socket = await visitor();
      for (const junk of ['junk', [], null, { clientRequestId: 'nope', items: 'many' }, { clientRequestId: randomUUID(), items: [{ quantity: 1 }] }, { ...widgetQuote(), extra: 1 }, { ...widgetQuote(), deadline: '2001-01-01' }]) {
        expect(await call(socket, 'quote.submit', junk)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      }
      expect(await call(socket, 'quote.submit', widgetQuote({ email: 'later@hanbit.test' }))).toMatchObject({ ok: true });
    });
  });

  describe('agent board', () => {
    let retail: QuoteRequestDto;
    let b2b: QuoteRequestDto;

    beforeAll(async () => {
      retail = (await t.http().post('/api/v1/quote-requests').set(auth(joon.token)).send({ inboxId: otherInbox.id, items: [{ name: 'Retail shelf', quantity: 3 }], contact: { name: 'Retail Buyer', company: 'Corner Shop' } }).expect(201)).body;
      b2b = (await t.http().post('/api/v1/quote-requests').set(auth(mina.token)).send({ inboxId: inbox.id, items: [{ name: '라벨 프린터', quantity: 20 }], contact: { name: 'Board Buyer', company: 'Acme Trading', email: 'board@acme.test' } }).expect(201)).body;
    });

    it('shows agents their inboxes only (others are not found) and admins everything', async () => {
      expect(retail).toMatchObject({ source: 'agent', status: 'new', inboxId: otherInbox.id });
      await t.http().get(`/api/v1/quote-requests/${b2b.id}`).set(auth(joon.token)).expect(404);
      await patch(b2b.id, { status: 'in_review' }, joon.token).expect(404);
      await t.http().post(`/api/v1/quote-requests/${b2b.id}/send`).set(auth(joon.token)).send({ amount: 1, currency: 'KRW', validUntil: days(10) }).expect(404);
      await t.http().post('/api/v1/quote-requests').set(auth(joon.token)).send({ inboxId: inbox.id, items: [{ name: 'x', quantity: 1 }] }).expect(404);

      const minaSees = (await list('?limit=100', mina.token)).items.map((q) => q.id);
      expect(minaSees).toContain(b2b.id);
      expect(minaSees).not.toContain(retail.id);
      const joonSees = (await list('?limit=100', joon.token)).items.map((q) => q.inboxId);
      expect(new Set(joonSees)).toEqual(new Set([otherInbox.id]));
      const all = (await list('?limit=100')).items.map((q) => q.id);
      expect(all).toEqual(expect.arrayContaining([b2b.id, retail.id]));
      await t.http().get('/api/v1/quote-requests').expect(401);
    });

    it('filters by status, inbox, assignee, proposals and text, pages with a cursor, and counts per status', async () => {
      await patch(b2b.id, { assigneeId: mina.id, status: 'in_review' }, mina.token).expect(200);
      expect((await list('?assignee=me', mina.token)).items.map((q) => q.id)).toEqual([b2b.id]);
      expect((await list('?status=in_review', mina.token)).items.map((q) => q.id)).toEqual([b2b.id]);
      expect((await list(`?inboxId=${otherInbox.id}`)).items.map((q) => q.id)).toEqual([retail.id]);
      expect((await list('?q=acme')).items.map((q) => q.id)).toEqual([b2b.id]);
      expect((await list(`?q=Q-${b2b.displayId}`)).items.map((q) => q.id)).toEqual([b2b.id]);
      expect((await list('?q=라벨')).items.map((q) => q.id)).toEqual([b2b.id]);
      expect((await list('?proposed=true')).items.every((q) => q.proposed)).toBe(true);
      expect((await list('?assignee=unassigned&limit=100')).items.some((q) => q.id === b2b.id)).toBe(false);
      await t.http().get('/api/v1/quote-requests?status=done').set(auth()).expect(400);
      await t.http().get('/api/v1/quote-requests?cursor=bogus').set(auth()).expect(400);

      const seen: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page: Page<QuoteRequestDto> = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`, mina.token);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((q) => q.id));
        cursor = page.nextCursor;
      }
      const everything = (await list('?limit=100', mina.token)).items.map((q) => q.id);
      expect(seen).toEqual(everything);

      const counts: QuoteRequestCounts = (await t.http().get('/api/v1/quote-requests/counts').set(auth(mina.token)).expect(200)).body;
      expect(Object.keys(counts).sort()).toEqual(['accepted', 'declined', 'expired', 'in_review', 'new', 'quoted']);
      const byStatus = everything.length;
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(byStatus);
      expect(counts.in_review).toBe(1);
      const joonCounts: QuoteRequestCounts = (await t.http().get('/api/v1/quote-requests/counts').set(auth(joon.token)).expect(200)).body;
      expect(joonCounts).toMatchObject({ new: 1, in_review: 0 });

      // The counts take the list's filters, so each column header counts what its column shows.
      const countsOf = async (query: string, token?: string): Promise<QuoteRequestCounts> => (await t.http().get(`/api/v1/quote-requests/counts${query}`).set(auth(token)).expect(200)).body;
      const total = (c: QuoteRequestCounts) => Object.values(c).reduce((a, b) => a + b, 0);
      for (const query of ['?assignee=me', '?assignee=unassigned', '?q=acme', `?inboxId=${otherInbox.id}`, '?proposed=true', '?assignee=me&q=nothing-matches-this']) {
        expect({ query, total: total(await countsOf(query, mina.token)) }).toEqual({ query, total: (await list(`${query}&limit=100`, mina.token)).items.length });
      }
      expect(await countsOf('?assignee=me', mina.token)).toMatchObject({ in_review: 1, new: 0 });
      expect(total(await countsOf('?assignee=me&q=nothing-matches-this', mina.token))).toBe(0);
      expect((await t.http().get('/api/v1/quote-requests/counts?assignee=bogus').set(auth()).expect(400)).body.code).toBe('validation_failed');
      await t.http().get('/api/v1/quote-requests/counts?status=new').set(auth()).expect(400);
    });

    it('moves status only by the rules (invalid_transition), assigns only agents of the inbox, and records every change', async () => {
      const accept = await patch(b2b.id, { status: 'accepted' }, mina.token).expect(409);
      expect(accept.body.code).toBe('invalid_transition');
      expect((await patch(b2b.id, { status: 'quoted' }, mina.token).expect(409)).body.code).toBe('invalid_transition');
      expect((await patch(b2b.id, { assigneeId: joon.id }, mina.token).expect(400)).body.code).toBe('validation_failed');

      const live = next<QuoteRequestEvent>(adminSocket, 'quote_request.updated', (e) => e.quoteRequest.id === b2b.id);
      const updated: QuoteRequestDto = (await patch(b2b.id, { status: 'declined', notes: '단가 협의 필요', items: [{ name: '라벨 프린터', quantity: 25 }] }, mina.token).expect(200)).body;
      expect(updated).toMatchObject({ status: 'declined', notes: '단가 협의 필요', items: [expect.objectContaining({ quantity: 25 })] });
      expect((await live).changes).toMatchObject({ status: { from: 'in_review', to: 'declined' }, notes: { from: null, to: '단가 협의 필요' } });
      expect(updated.history.map((h) => h.action)).toEqual(['created', 'status', 'assigned', 'edited', 'status']);
      expect(updated.history[updated.history.length - 1]).toMatchObject({ from: 'in_review', to: 'declined', actor: 'agent', actorId: mina.id });

      // Nothing to change: no history entry.
      const same: QuoteRequestDto = (await patch(b2b.id, { status: 'declined', notes: '단가 협의 필요' }, mina.token).expect(200)).body;
      expect(same.history).toHaveLength(updated.history.length);
      expect((await patch(b2b.id, { status: 'in_review' }, mina.token).expect(200)).body.status).toBe('in_review');
    });
  });

  describe('sending a quote and the signed link', () => {
    let widget: Socket;
    let quote: QuoteRequestDto;
    let link: string;
    let sender: { id: string; token: string; email: string };

    beforeAll(async () => {
      sender = await createAgent(t, 'agent', 'Sora');
      await t.http().put(`/api/v1/inboxes/${inbox.id}/members`).set(auth()).send({ agentIds: [mina.id, sender.id] }).expect(200);
      widget = await visitor();
      const ack = await call(widget, 'quote.submit', widgetQuote({ name: '이하나', company: '한빛상사', email: 'hana@hanbit.test' }));
      quote = await get(ack.quoteRequest.id);
    });

    it('renders the PDF, emails it with the link, posts a quote message the visitor sees live, and marks the request quoted', async () => {
      const visitorSees = next<VisitorMessage>(widget, 'message.created', (m) => !!m.content?.quote);
      const validUntil = days(30);
      const res = await t.http().post(`/api/v1/quote-requests/${quote.id}/send`).set(auth(sender.token)).send({ amount: 1_250_000, currency: 'KRW', validUntil, message: '대량 주문 할인 <5%> 적용', locale: 'ko' }).expect(200);
      const sent: QuoteRequestDto = res.body;
      expect(sent).toMatchObject({ status: 'quoted', assigneeId: sender.id, offer: { amount: 1_250_000, currency: 'KRW', validUntil, message: '대량 주문 할인 <5%> 적용', sentById: sender.id } });
      expect(sent.history.slice(-2)).toEqual([expect.objectContaining({ action: 'quote_sent', from: 'new', to: 'quoted', actorId: sender.id }), expect.objectContaining({ action: 'assigned' })]);

      const mail = await waitFor('the quote email', () => smtp.to('hana@hanbit.test').find((m) => m.attachments.length > 0));
      expect(mail.subject).toBe(`[Harbor & Co.] 견적서 Q-${quote.displayId}`);
      const [pdf] = mail.attachments;
      expect(pdf).toMatchObject({ filename: `Q-${quote.displayId}.pdf`, contentType: 'application/pdf' });
      const { text } = await pdfText(pdf.content);
      expect(text).toContain('한빛상사');
      expect(text).toContain(formatMoney(1_250_000, 'KRW', 'ko'));
      expect(text).toContain('₩1,250,000');
      link = LINK.exec(mail.text)?.[0] ?? '';
      expect(link).not.toBe('');
      expect(mail.html).toContain('대량 주문 할인 &lt;5%&gt; 적용');
      expect(text.replace(/\s+/g, '')).toContain(link);

      const message = await visitorSees;
      expect(message).toMatchObject({ messageType: 'outgoing', conversationId: quote.conversationId, content: { quote: { quoteRequestId: quote.id, displayId: quote.displayId, amount: 1_250_000, currency: 'KRW', validUntil, url: link, pdfUrl: `${link}/pdf` } } });
      expect(message.body).toContain(link);

      const stored = await t.http().get(`/api/v1/quote-requests/${quote.id}/pdf`).set(auth(sender.token)).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(stored.headers['content-type']).toBe('application/pdf');
      expect((stored.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      await t.http().get(`/api/v1/quote-requests/${quote.id}/pdf`).set(auth(joon.token)).expect(404);
    });

    it('shows the quote on the link (escaped, strict CSP, no state change on GET) and serves the PDF', async () => {
      const path = link.slice(PUBLIC_URL.length);
      const before = await get(quote.id);
      const page = await t.http().get(path).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(page.headers['content-security-policy']).not.toMatch(/script-src/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain('₩1,250,000');
      expect(page.text).toContain('무선 스캐너 &lt;b&gt;DS-2278&lt;/b&gt;');
      expect(page.text).not.toContain('<b>DS-2278</b>');
      expect(page.text).toContain('대량 주문 할인 &lt;5%&gt; 적용');
      expect(page.text).toMatch(/<form method="post" action="[\w.-]+\/accept\?lang=ko">/);
      expect(page.text).not.toMatch(/<script|https?:\/\/(?!help\.example)/);
      expect((await t.http().get(`${path}?lang=en`).expect(200)).text).toContain('Accept quote');
      const pdf = await t.http().get(`${path}/pdf`).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(await get(quote.id)).toEqual(before);
    });

    it('refuses a tampered or expired token with a clear page and changes nothing', async () => {
      const path = link.slice(PUBLIC_URL.length);
      const tampered = path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      const bad = await t.http().post(`${tampered}/accept`).expect(404);
      expect(bad.text).toContain('유효하지 않은 링크입니다');
      await t.http().get(tampered).expect(404);
      await t.http().get('/api/v1/public/quotes/not-a-token').expect(404);
      const secret = t.app.get(AppConfig).jwtSecret;
      const expired = signQuoteLinkToken(secret, { quoteRequestId: quote.id, offerVersion: 1, expiresAt: Math.floor(Date.now() / 1000) - 60 });
      expect((await t.http().post(`/api/v1/public/quotes/${expired}/accept?lang=en`).expect(410)).text).toContain('This link has expired');
      expect((await get(quote.id)).status).toBe('quoted');
    });

    it('accepts on POST: accepted, history, a note in the conversation, the assignee alerted by email; a second answer changes nothing', async () => {
      const path = link.slice(PUBLIC_URL.length);
      const live = next<QuoteRequestEvent>(adminSocket, 'quote_request.updated', (e) => e.quoteRequest.id === quote.id && e.quoteRequest.status === 'accepted');
      const res = await t.http().post(`${path}/accept`).expect(303);
      expect(res.headers['location']).toMatch(/^\.\.\/[\w.-]+$/);
      expect((await live).changes).toEqual({ status: { from: 'quoted', to: 'accepted' } });

      const accepted = await get(quote.id);
      expect(accepted.status).toBe('accepted');
      expect(accepted.respondedAt).not.toBeNull();
      expect(accepted.history[accepted.history.length - 1]).toMatchObject({ action: 'status', from: 'quoted', to: 'accepted', actor: 'customer', actorId: null });
      const messages: MessageDto[] = (await t.http().get(`/api/v1/conversations/${quote.conversationId}/messages`).set(auth()).expect(200)).body;
      expect(messages.some((m) => m.messageType === 'activity' && m.body === `The customer accepted quote Q-${quote.displayId}`)).toBe(true);

      const alert = await waitFor('the answer alert to the assignee', () => smtp.to(sender.email).find((m) => m.text.includes(`Quote Q-${quote.displayId} accepted by the customer`)));
      expect(alert.text).toContain(`${PUBLIC_URL}/quotes/${quote.id}`);

      const again = await t.http().post(`${path}/decline`).expect(409);
      expect(again.text).toContain('수락하셨습니다');
      expect(again.text).not.toContain('/accept');
      const after = await get(quote.id);
      expect(after.status).toBe('accepted');
      expect(after.history).toHaveLength(accepted.history.length);
      expect((await t.http().get(path).expect(200)).text).toContain('수락하셨습니다');
    });

    it("refuses an older offer's link once a revised quote is sent; the new link declines", async () => {
      const socket = await visitor();
      const ack = await call(socket, 'quote.submit', widgetQuote({ email: 'revise@hanbit.test' }));
      const id = ack.quoteRequest.id;
      await t.http().post(`/api/v1/quote-requests/${id}/send`).set(auth(mina.token)).send({ amount: 900, currency: 'USD', validUntil: days(10), locale: 'en' }).expect(200);
      const first = await waitFor('the first quote email', () => smtp.to('revise@hanbit.test')[0]);
      expect(first.subject).toMatch(/^\[Harbor & Co\.\] Quote Q-\d+$/);
      await t.http().post(`/api/v1/quote-requests/${id}/send`).set(auth(mina.token)).send({ amount: 850, currency: 'USD', validUntil: days(10), locale: 'en' }).expect(200);
      const second = await waitFor('the revised quote email', () => smtp.to('revise@hanbit.test')[1]);
      expect(second.text).toContain('$850.00');
      const oldPath = (LINK.exec(first.text)?.[0] ?? '').slice(PUBLIC_URL.length);
      const newPath = (LINK.exec(second.text)?.[0] ?? '').slice(PUBLIC_URL.length);
      expect(oldPath).not.toBe(newPath);

      expect((await t.http().post(`${oldPath}/accept?lang=en`).expect(410)).text).toContain('A newer quote has been sent');
      await t.http().get(oldPath).expect(410);
      expect((await get(id)).status).toBe('quoted');
      await t.http().post(`${newPath}/decline`).expect(303);
      const declined = await get(id);
      expect(declined).toMatchObject({ status: 'declined', offer: { amount: 850 } });
      expect(declined.history.filter((h) => h.action === 'quote_sent')).toHaveLength(2);
    });

    it('needs somewhere to send to, and a valid offer', async () => {
      const orphan: QuoteRequestDto = (await t.http().post('/api/v1/quote-requests').set(auth()).send({ items: [{ name: 'Nowhere', quantity: 1 }] }).expect(201)).body;
      expect(orphan.inboxId).toBeNull();
      expect((await t.http().post(`/api/v1/quote-requests/${orphan.id}/send`).set(auth()).send({ amount: 10, currency: 'KRW', validUntil: days(5) }).expect(400)).body.code).toBe('validation_failed');
      const bad = await t.http().post(`/api/v1/quote-requests/${orphan.id}/send`).set(auth()).send({ amount: -1, currency: 'won', validUntil: '2020-02-02', locale: 'fr' }).expect(400);
      expect((bad.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['amount', 'currency', 'locale', 'validUntil']);
      expect((await get(orphan.id)).status).toBe('new');
    });
  });

  describe('expiry', () => {
    it('expires quoted requests past their validity (sweep) and a late answer through the link', async () => {
      const socket = await visitor();
      const a = (await call(socket, 'quote.submit', widgetQuote({ email: 'late.a@hanbit.test' }))).quoteRequest.id;
      const socket2 = await visitor();
      const b = (await call(socket2, 'quote.submit', widgetQuote({ email: 'late.b@hanbit.test' }))).quoteRequest.id;
      for (const id of [a, b]) await t.http().post(`/api/v1/quote-requests/${id}/send`).set(auth()).send({ amount: 100, currency: 'KRW', validUntil: days(1) }).expect(200);
      const linkB = (LINK.exec((await waitFor('the quote email', () => smtp.to('late.b@hanbit.test')[0])).text)?.[0] ?? '').slice(PUBLIC_URL.length);
      await t.db.query(`UPDATE quote_requests SET offer = jsonb_set(offer, '{validUntil}', to_jsonb($2::text)) WHERE id = ANY($1::uuid[])`, [[a, b], days(-1)]);

      // The link is read-only: it shows the offer as expired without storing anything.
      const view = await t.http().get(linkB).expect(200);
      expect(view.text).toContain('유효기간이 지났습니다');
      expect(view.text).not.toContain('/accept');
      expect((await get(b)).status).toBe('quoted');
      expect((await t.http().post(`${linkB}/accept`).expect(409)).text).toContain('유효기간이 지났습니다');
      expect(await get(b)).toMatchObject({ status: 'expired', respondedAt: null });

      const live = next<QuoteRequestEvent>(adminSocket, 'quote_request.updated', (e) => e.quoteRequest.id === a);
      expect(await t.app.get(QuoteExpiryService).expireDue()).toBeGreaterThanOrEqual(1);
      expect((await live).changes).toEqual({ status: { from: 'quoted', to: 'expired' } });
      const expired = await get(a);
      expect(expired.status).toBe('expired');
      expect(expired.history[expired.history.length - 1]).toMatchObject({ action: 'status', from: 'quoted', to: 'expired', actor: 'system' });
      expect(await t.app.get(QuoteExpiryService).expireDue()).toBe(0);

      // An expired quote can be sent again.
      await t.http().post(`/api/v1/quote-requests/${a}/send`).set(auth()).send({ amount: 120, currency: 'KRW', validUntil: days(7) }).expect(200);
      expect((await get(a)).status).toBe('quoted');
    });
  });

  describe('AI proposal', () => {
    const triage = (conversationId: string, messageId: string, category: string): TriageChangedEvent => ({
      inboxId: inbox.id,
      triage: {
        id: randomUUID(),
        messageId,
        conversationId,
        status: 'completed',
        category,
        confidence: 0.91,
        sentiment: 'neutral',
        urgent: false,
        language: 'ko',
        entities: { orderNumbers: ['PH-240312-0042'], trackingNumbers: [], company: '한빛상사', quantities: [{ raw: '500개', value: 500, unit: '개' }], amounts: [{ raw: '개당 4만5천원', value: 45000, currency: 'KRW' }] },
        injectionSuspected: false,
        correctedCategory: null,
        correctedById: null,
        error: null,
        attempts: 1,
        run: null,
        createdAt: new Date().toISOString(),
      } satisfies TriageResultDto,
    });

    it('proposes one quote request for a b2b_quote conversation, however often triage says so, and an agent confirms it', async () => {
      const conversation = (await t.http().post('/api/v1/conversations').set(auth()).send({ inboxId: inbox.id, contact: { name: '박지성', email: 'park@hanbit.test' }, message: { body: '무선 스캐너 500개 견적 부탁드립니다. 개당 4만5천원 생각합니다' } }).expect(201)).body;
      const [message]: MessageDto[] = (await t.http().get(`/api/v1/conversations/${conversation.id}/messages`).set(auth()).expect(200)).body;
      const events = t.app.get(EventEmitter2);

      events.emit(TRIAGE_COMPLETED, triage(conversation.id, message.id, 'shipping'));
      const live = next<QuoteRequestEvent>(adminSocket, 'quote_request.created', (e) => e.quoteRequest.conversationId === conversation.id, 10_000);
      for (let i = 0; i < 3; i++) events.emit(TRIAGE_COMPLETED, triage(conversation.id, message.id, 'b2b_quote'));
      const created = (await live).quoteRequest;
      await new Promise((r) => setTimeout(r, 500));
      const rows = await t.db.query('SELECT id FROM quote_requests WHERE conversation_id = $1', [conversation.id]);
      expect(rows).toEqual([{ id: created.id }]);
      expect(created).toMatchObject({
        source: 'ai_proposal',
        proposed: true,
        status: 'new',
        inboxId: inbox.id,
        contactId: conversation.contact.id,
        contact: { name: '박지성', company: '한빛상사', email: 'park@hanbit.test' },
        items: [{ name: '무선 스캐너 500개 견적 부탁드립니다. 개당 4만5천원 생각합니다', quantity: 500, targetUnitPrice: 45000, currency: 'KRW', url: null }],
      });
      expect(created.notes).not.toContain('PH-240312-0042');
      expect(created.history).toEqual([expect.objectContaining({ action: 'created', actor: 'ai' })]);
      expect((await list('?proposed=true')).items.map((q) => q.id)).toContain(created.id);

      const confirmed: QuoteRequestDto = (await patch(created.id, { confirm: true }, mina.token).expect(200)).body;
      expect(confirmed.proposed).toBe(false);
      expect(confirmed.history[confirmed.history.length - 1]).toMatchObject({ action: 'confirmed', actorId: mina.id });
      events.emit(TRIAGE_COMPLETED, triage(conversation.id, message.id, 'b2b_quote'));
      await new Promise((r) => setTimeout(r, 300));
      expect(await t.db.query('SELECT id FROM quote_requests WHERE conversation_id = $1', [conversation.id])).toHaveLength(1);
    });
  });

  describe('webhooks', () => {
    it('queues quote_request.created and quote_request.updated deliveries for subscribed webhooks', async () => {
      const hook = (await t.http().post('/api/v1/webhooks').set(auth()).send({ url: 'http://127.0.0.1:9/quotes', events: ['quote_request.created', 'quote_request.updated'] }).expect(201)).body;
      const created = (await submit(form()).expect(202)).body;
      await patch(created.id, { status: 'in_review' }).expect(200);
      const deliveries = await waitFor('both deliveries', async () => {
        const rows: { event: string; payload: { data: QuoteRequestEvent } }[] = await t.db.query('SELECT event, payload FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY created_at', [hook.id]);
        return rows.length >= 2 ? rows : null;
      });
      expect(deliveries.map((d) => d.event)).toEqual(['quote_request.created', 'quote_request.updated']);
      expect(deliveries[0].payload.data.quoteRequest.id).toBe(created.id);
      expect(deliveries[1].payload.data.changes).toEqual({ status: { from: 'new', to: 'in_review' } });
    });
  });
});
