import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { QuoteRequestDto } from '@parley/shared/contracts';
import type { QuoteRequestStatus } from '@parley/shared/domain';
import { FakeAgentSocket, provideFakeAgentSocket } from '../../../testing/fake-agent-socket';
import { aSession, anAgent, apiError, storeSignedIn } from '../../../testing/fixtures';
import { aQuote } from '../../../testing/quotes';
import { LOCALE_STORAGE_KEY } from '../../core/i18n/i18n.service';
import { AgentRealtime } from '../../core/realtime/agent-realtime';
import { QuoteDetailStore } from './quote-detail.store';
import { QUOTES_API } from './quotes-api';

describe('QuoteDetailStore', () => {
  let store: QuoteDetailStore;
  let backend: HttpTestingController;
  let socket: FakeAgentSocket;
  const today = new Date(2026, 10, 21, 15, 0); // 21 November 2026, local time

  async function open(quote: QuoteRequestDto) {
    store.load(quote.id);
    backend.expectOne(QUOTES_API.one(quote.id)).flush(quote);
    await Promise.resolve();
  }

  const validationFailed = (details: unknown) => [
    { statusCode: 400, code: 'validation_failed', message: 'Invalid request', details },
    { status: 400, statusText: 'Bad Request' },
  ] as const;

  beforeEach(async () => {
    localStorage.clear();
    localStorage.setItem(LOCALE_STORAGE_KEY, 'ko');
    storeSignedIn(aSession({ agent: anAgent({ id: 'me' }) }));
    socket = new FakeAgentSocket();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideFakeAgentSocket(socket), QuoteDetailStore],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(QuoteDetailStore);
    store.today = () => today;
    TestBed.inject(AgentRealtime).start();
    await new Promise((r) => setTimeout(r));
    socket.serverConnect();
  });

  afterEach(() => {
    backend.verify();
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it.each<[QuoteRequestStatus, QuoteRequestStatus[], boolean]>([
    ['new', ['in_review', 'declined'], true],
    ['in_review', ['new', 'declined'], true],
    ['quoted', ['declined'], true],
    ['accepted', [], false],
    ['declined', ['in_review'], false],
    ['expired', ['in_review'], true],
  ])('offers the moves the rules allow an agent from %s, and sending only where a quote may go out', async (status, moves, canSend) => {
    await open(aQuote({ status }));

    expect(store.moves()).toEqual(moves);
    expect(store.canSend()).toBe(canSend);
  });

  it('refuses a move the rules do not allow without asking the API, and saves one they do', async () => {
    const quote = aQuote({ status: 'new' });
    await open(quote);

    expect(await store.moveTo('accepted')).toBe(false);
    const moved = store.moveTo('in_review');
    const patch = backend.expectOne(QUOTES_API.one(quote.id));
    expect(patch.request.body).toEqual({ status: 'in_review' });
    patch.flush({ ...quote, status: 'in_review' });

    expect(await moved).toBe(true);
    expect(store.quote()?.status).toBe('in_review');
    expect(store.notice()).toEqual({ ok: true, key: 'quotes.detail.statusChanged' });
  });

  it('says the move is no longer possible when someone else moved it first, and shows the request as it is now', async () => {
    const quote = aQuote({ status: 'new' });
    await open(quote);

    const moved = store.moveTo('declined');
    backend.expectOne(QUOTES_API.one(quote.id)).flush(apiError(409, 'invalid_transition'), { status: 409, statusText: 'Conflict' });
    expect(await moved).toBe(false);
    expect(store.notice()).toEqual({ ok: false, key: 'quotes.error.invalidTransition' });

    backend.expectOne(QUOTES_API.one(quote.id)).flush({ ...quote, status: 'quoted' });
    expect(store.quote()?.status).toBe('quoted');
    expect(store.moves()).toEqual(['declined']);
  });

  it('confirms an AI proposal and assigns to the signed-in agent', async () => {
    const quote = aQuote({ source: 'ai_proposal', proposed: true });
    await open(quote);

    const confirmed = store.confirm();
    const confirm = backend.expectOne(QUOTES_API.one(quote.id));
    expect(confirm.request.body).toEqual({ confirm: true });
    confirm.flush({ ...quote, proposed: false });
    await confirmed;

    const assigned = store.assignToMe();
    const assign = backend.expectOne(QUOTES_API.one(quote.id));
    expect(assign.request.body).toEqual({ assigneeId: 'me' });
    assign.flush({ ...quote, proposed: false, assigneeId: 'me' });
    expect(await assigned).toBe(true);
    expect(store.quote()).toMatchObject({ proposed: false, assigneeId: 'me' });
  });

  it('prepares the send form: two weeks from today, the items’ currency, the PDF in the customer’s language', async () => {
    await open(aQuote({ items: [{ name: 'Bolts', url: null, quantity: 500, targetUnitPrice: 120, currency: 'USD' }] }));

    expect(store.sendForm()).toEqual({ amount: '', currency: 'USD', validUntil: '2026-12-05', message: '', locale: 'auto' });
  });

  it('sends a quote once the form is valid, then shows the offer and opens its PDF as a blob', async () => {
    const quote = aQuote({ status: 'in_review' });
    await open(quote);

    expect(await store.send()).toBe(false);
    expect(store.sendErrors().amount).toBe('quotes.error.amount');

    store.patchSend({ amount: '1500000', message: '  배송비 포함입니다. ', locale: 'en' });
    const sending = store.send();
    const post = backend.expectOne(QUOTES_API.send(quote.id));
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ amount: 1_500_000, currency: 'KRW', validUntil: '2026-12-05', message: '배송비 포함입니다.', locale: 'en' });
    const offer = { amount: 1_500_000, currency: 'KRW', validUntil: '2026-12-05', message: '배송비 포함입니다.', sentAt: '2026-11-21T06:00:00.000Z', sentById: 'me' };
    post.flush({ ...quote, status: 'quoted', offer });
    expect(await sending).toBe(true);
    expect(store.quote()).toMatchObject({ status: 'quoted', offer });
    expect(store.sendNotice()).toEqual({ ok: true, key: 'quotes.send.sent' });
    expect(store.sendForm()?.amount).toBe('1500000');

    const createObjectURL = vi.fn(() => 'blob:pdf-1');
    // jsdom has no object URLs.
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const windowOpen = vi.spyOn(window, 'open').mockReturnValue(null);
    const opening = store.openPdf();
    backend.expectOne(QUOTES_API.pdf(quote.id)).flush(new Blob(['%PDF'], { type: 'application/pdf' }));
    await opening;

    expect(windowOpen).toHaveBeenCalledWith('blob:pdf-1', '_blank');
    expect(store.pdfUrl()).toBe('blob:pdf-1');
  });

  it('puts the API’s validation problems beside the send form’s fields and lists the others', async () => {
    const quote = aQuote({ status: 'new' });
    await open(quote);
    store.patchSend({ amount: '10' });

    const sending = store.send();
    backend
      .expectOne(QUOTES_API.send(quote.id))
      .flush(...validationFailed([
        { field: 'validUntil', errors: ['validUntil must be after today'] },
        { field: 'contact', errors: ['the contact has no email address'] },
      ]));

    expect(await sending).toBe(false);
    expect(store.sendServerErrors()).toEqual({ validUntil: 'validUntil must be after today' });
    expect(store.sendNotice()).toEqual({ ok: false, key: 'quotes.error.validation', details: ['the contact has no email address'] });

    store.patchSend({ validUntil: '2026-12-10' });
    expect(store.sendServerErrors()).toEqual({});
  });

  it('saves only the edited parts of the request and shows the API’s word on an item beside it', async () => {
    const quote = aQuote();
    await open(quote);

    store.patchItem(0, { quantity: '800' });
    store.patchForm({ destinationCountry: 'jp' });
    expect(store.dirty()).toBe(true);
    const saving = store.saveFields();
    const patch = backend.expectOne(QUOTES_API.one(quote.id));
    expect(patch.request.body).toEqual({
      items: [{ name: 'Stainless bolts M8', url: null, quantity: 800, targetUnitPrice: null, currency: 'KRW' }],
      destinationCountry: 'JP',
    });
    patch.flush(...validationFailed([{ path: 'items[0].quantity', message: 'quantity must be a whole number' }]));

    expect(await saving).toBe(false);
    expect(store.formServerErrors()).toEqual({ 'items.0.quantity': 'quantity must be a whole number' });
    store.patchItem(0, { quantity: '900' });
    expect(store.formServerErrors()).toEqual({});
  });

  it('checks the fields before saving: an item needs a name or a page, and the e-mail must look like one', async () => {
    await open(aQuote());
    store.patchItem(0, { name: '', url: '' });
    store.patchContact({ email: 'hong@' });

    expect(await store.saveFields()).toBe(false);
    expect(store.formErrors()).toMatchObject({ item: { 0: { name: 'quotes.error.itemNameOrUrl' } }, email: 'quotes.error.email' });
    expect(store.notice()).toEqual({ ok: false, key: 'quotes.error.fixFields' });
  });

  it('follows live changes, but keeps unsaved edits and says the request changed', async () => {
    const quote = aQuote({ notes: null });
    await open(quote);

    socket.receive('quote_request.updated', { quoteRequest: { ...quote, notes: '포장 단위 100개' } });
    expect(store.form()?.notes).toBe('포장 단위 100개');

    store.patchForm({ deadline: '2026-12-20' });
    socket.receive('quote_request.updated', { quoteRequest: { ...quote, status: 'in_review', notes: '포장 단위 100개' } });
    expect(store.quote()?.status).toBe('in_review');
    expect(store.form()?.deadline).toBe('2026-12-20');
    expect(store.changedElsewhere()).toBe(true);

    socket.receive('quote_request.updated', { quoteRequest: aQuote({ displayId: 1 }) });
    expect(store.quote()?.id).toBe(quote.id);
  });

  it('tells a missing request from a failure', async () => {
    store.load('missing');
    backend.expectOne(QUOTES_API.one('missing')).flush(apiError(404, 'not_found'), { status: 404, statusText: 'Not Found' });
    expect(store.state()).toBe('notFound');

    store.load('broken');
    backend.expectOne(QUOTES_API.one('broken')).flush(apiError(500, 'internal_error'), { status: 500, statusText: 'Server Error' });
    expect(store.state()).toBe('failed');
  });
});
