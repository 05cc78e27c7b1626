import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Page, QuoteRequestCounts, QuoteRequestDto } from '@parley/shared/contracts';
import { QUOTE_REQUEST_STATUSES, type QuoteRequestStatus } from '@parley/shared/domain';
import { FakeAgentSocket, provideFakeAgentSocket } from '../../../testing/fake-agent-socket';
import { aSession, anAgent, apiError, storeSignedIn } from '../../../testing/fixtures';
import { aQuote } from '../../../testing/quotes';
import { AgentRealtime } from '../../core/realtime/agent-realtime';
import { QuoteBoardStore } from './quote-board.store';
import { DEFAULT_QUOTE_FILTERS, QuoteFilters } from './quote-filters';
import { QUOTES_API } from './quotes-api';

describe('QuoteBoardStore', () => {
  let store: QuoteBoardStore;
  let backend: HttpTestingController;
  let socket: FakeAgentSocket;

  const counts = (c: Partial<QuoteRequestCounts> = {}): QuoteRequestCounts => ({
    new: 0,
    in_review: 0,
    quoted: 0,
    accepted: 0,
    declined: 0,
    expired: 0,
    ...c,
  });
  const page = (items: QuoteRequestDto[], nextCursor: string | null = null): Page<QuoteRequestDto> => ({ items, nextCursor });
  const columnRequests = () => backend.match((r) => r.url === QUOTES_API.list);
  const byStatus = (requests: TestRequest[], status: QuoteRequestStatus) => requests.find((r) => r.request.params.get('status') === status)!;
  const ids = (status: QuoteRequestStatus) => store.columns()[status].items.map((q) => q.displayId);

  /** Loads the board with these cards per column and these counts. */
  function open(filters: QuoteFilters = DEFAULT_QUOTE_FILTERS, cards: Partial<Record<QuoteRequestStatus, QuoteRequestDto[]>> = {}, c = counts()) {
    store.setFilters(filters);
    const requests = columnRequests();
    expect(requests.map((r) => r.request.params.get('status')).sort()).toEqual([...QUOTE_REQUEST_STATUSES].sort());
    for (const status of QUOTE_REQUEST_STATUSES) byStatus(requests, status).flush(page(cards[status] ?? []));
    backend.expectOne((r) => r.url === QUOTES_API.counts).flush(c);
  }

  beforeEach(async () => {
    vi.useFakeTimers();
    localStorage.clear();
    storeSignedIn(aSession({ agent: anAgent({ id: 'me' }) }));
    socket = new FakeAgentSocket();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideFakeAgentSocket(socket), QuoteBoardStore],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(QuoteBoardStore);
    TestBed.inject(AgentRealtime).start();
    await vi.runAllTimersAsync();
    socket.serverConnect();
  });

  afterEach(() => {
    vi.useRealTimers();
    localStorage.clear();
  });

  it('asks for each column and for the counts with the filters as query parameters', () => {
    store.setFilters({ inboxId: 'inbox-b2b', assignee: 'me', proposedOnly: true, q: ' 한빛 ' });
    const requests = columnRequests();

    expect(requests).toHaveLength(6);
    const params = byStatus(requests, 'in_review').request.params;
    expect(params.get('inboxId')).toBe('inbox-b2b');
    expect(params.get('assignee')).toBe('me');
    expect(params.get('proposed')).toBe('true');
    expect(params.get('q')).toBe('한빛');
    expect(params.get('limit')).toBe('20');
    const countsRequest = backend.expectOne((r) => r.url === QUOTES_API.counts);
    expect(countsRequest.request.params.keys()).toEqual(['inboxId', 'assignee', 'proposed', 'q']);
    expect(countsRequest.request.params.get('q')).toBe('한빛');

    requests.forEach((r) => r.flush(page([])));
    countsRequest.flush(counts({ new: 3, quoted: 1 }));
    expect(store.counts()).toMatchObject({ new: 3, quoted: 1 });
  });

  it('leaves "any" assignee and an empty search out of the query', () => {
    store.setFilters(DEFAULT_QUOTE_FILTERS);
    const params = byStatus(columnRequests(), 'new').request.params;

    expect(params.keys().sort()).toEqual(['limit', 'status']);
  });

  it('puts each card in the column of its status and pages one column with its cursor', () => {
    store.setFilters(DEFAULT_QUOTE_FILTERS);
    const requests = columnRequests();
    const older = aQuote({ displayId: 1, createdAt: '2026-11-20T08:00:00.000Z' });
    const newer = aQuote({ displayId: 2, createdAt: '2026-11-20T09:00:00.000Z' });
    for (const status of QUOTE_REQUEST_STATUSES) byStatus(requests, status).flush(page(status === 'new' ? [newer] : [], status === 'new' ? 'c1' : null));
    backend.expectOne((r) => r.url === QUOTES_API.counts).flush(counts({ new: 2 }));

    store.loadMore('new');
    store.loadMore('new');
    const more = backend.expectOne((r) => r.url === QUOTES_API.list);
    expect(more.request.params.get('cursor')).toBe('c1');
    expect(more.request.params.get('status')).toBe('new');
    more.flush(page([newer, older]));

    expect(ids('new')).toEqual([2, 1]);
    expect(store.columns().new.nextCursor).toBeNull();
  });

  it('adds a new request live on top of its column and counts it; ones outside the filters are neither shown nor counted', () => {
    const first = aQuote({ displayId: 1, createdAt: '2026-11-20T08:00:00.000Z' });
    open({ ...DEFAULT_QUOTE_FILTERS, inboxId: 'inbox-1', proposedOnly: true }, { new: [{ ...first, proposed: true }] }, counts({ new: 1 }));

    socket.receive('quote_request.created', {
      quoteRequest: aQuote({ displayId: 2, source: 'ai_proposal', proposed: true, createdAt: '2026-11-20T10:00:00.000Z' }),
    });
    socket.receive('quote_request.created', { quoteRequest: aQuote({ displayId: 3, proposed: false }) });
    socket.receive('quote_request.created', { quoteRequest: aQuote({ displayId: 4, proposed: true, inboxId: 'other-inbox' }) });

    expect(ids('new')).toEqual([2, 1]);
    expect(store.counts()?.new).toBe(2);
  });

  it('moves a card between columns when an update changes its status, and moves the count along', () => {
    const quote = aQuote({ displayId: 7, status: 'new' });
    open(DEFAULT_QUOTE_FILTERS, { new: [quote] }, counts({ new: 1 }));

    socket.receive('quote_request.updated', { quoteRequest: { ...quote, status: 'quoted' }, changes: { status: { from: 'new', to: 'quoted' } } });

    expect(ids('new')).toEqual([]);
    expect(ids('quoted')).toEqual([7]);
    expect(store.counts()).toMatchObject({ new: 0, quoted: 1 });
  });

  it('moves the count along for a matching request that is not loaded when the event says where it came from', () => {
    open({ ...DEFAULT_QUOTE_FILTERS, assignee: 'me' }, {}, counts({ new: 2 }));

    socket.receive('quote_request.updated', {
      quoteRequest: aQuote({ displayId: 5, status: 'in_review', assigneeId: 'me' }),
      changes: { status: { from: 'new', to: 'in_review' } },
    });
    expect(ids('in_review')).toEqual([5]);
    expect(store.counts()).toMatchObject({ new: 1, in_review: 1 });

    // Someone else's request is outside "mine": neither column nor count moves.
    socket.receive('quote_request.updated', {
      quoteRequest: aQuote({ displayId: 6, status: 'in_review', assigneeId: 'agent-2' }),
      changes: { status: { from: 'new', to: 'in_review' } },
    });
    expect(ids('in_review')).toEqual([5]);
    expect(store.counts()).toMatchObject({ new: 1, in_review: 1 });
  });

  it('drops a card and its count from "mine" when it is assigned to someone else, and refreshes the counts shortly after', async () => {
    const quote = aQuote({ displayId: 8, assigneeId: 'me' });
    open({ ...DEFAULT_QUOTE_FILTERS, assignee: 'me' }, { new: [quote] }, counts({ new: 1 }));

    socket.receive('quote_request.updated', { quoteRequest: { ...quote, assigneeId: 'agent-2' } });
    expect(ids('new')).toEqual([]);
    expect(store.counts()?.new).toBe(0);

    await vi.advanceTimersByTimeAsync(1_000);
    const refresh = backend.expectOne((r) => r.url === QUOTES_API.counts);
    expect(refresh.request.params.get('assignee')).toBe('me');
    refresh.flush(counts({ new: 4 }));
    expect(store.counts()?.new).toBe(4);
  });

  it('moves a card by hand at once, saves the move, and keeps it there when the socket echoes the old state meanwhile', () => {
    const quote = aQuote({ displayId: 9, status: 'new' });
    open(DEFAULT_QUOTE_FILTERS, { new: [quote] }, counts({ new: 1 }));

    store.move(quote.id, 'in_review');
    expect(ids('in_review')).toEqual([9]);
    expect(store.counts()).toMatchObject({ new: 0, in_review: 1 });
    socket.receive('quote_request.updated', { quoteRequest: quote });
    expect(ids('in_review')).toEqual([9]);

    const patch = backend.expectOne(QUOTES_API.one(quote.id));
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ status: 'in_review' });
    patch.flush({ ...quote, status: 'in_review', assigneeId: 'me' });

    expect(store.columns().in_review.items[0].assigneeId).toBe('me');
    expect(store.moving().size).toBe(0);
  });

  it('refuses moves only sending a quote or the customer can make', () => {
    const quote = aQuote({ status: 'new' });
    open(DEFAULT_QUOTE_FILTERS, { new: [quote] });

    expect(store.canMove(quote, 'quoted')).toBe(false);
    expect(store.canMove(quote, 'accepted')).toBe(false);
    expect(store.canMove(quote, 'declined')).toBe(true);
    store.move(quote.id, 'accepted');
    backend.expectNone(QUOTES_API.one(quote.id));
    expect(ids('new')).toEqual([quote.displayId]);
  });

  it('puts a refused move back, says why, and shows where the card is now', () => {
    const quote = aQuote({ displayId: 10, status: 'new' });
    open(DEFAULT_QUOTE_FILTERS, { new: [quote] }, counts({ new: 1 }));

    store.move(quote.id, 'declined');
    backend.expectOne(QUOTES_API.one(quote.id)).flush(apiError(409, 'invalid_transition'), { status: 409, statusText: 'Conflict' });

    expect(ids('new')).toEqual([10]);
    expect(store.counts()).toMatchObject({ new: 1, declined: 0 });
    expect(store.moveError()).toEqual({ id: quote.id, key: 'quotes.error.invalidTransition' });
    backend.expectOne(QUOTES_API.one(quote.id)).flush({ ...quote, status: 'quoted' });
    expect(ids('quoted')).toEqual([10]);
  });

  it('reloads every column when the socket is back after a loss', () => {
    open();
    socket.serverDisconnect();
    socket.serverConnect();
    TestBed.tick();

    const requests = columnRequests();
    expect(requests).toHaveLength(6);
    for (const status of QUOTE_REQUEST_STATUSES) byStatus(requests, status).flush(page(status === 'expired' ? [aQuote({ displayId: 11, status })] : []));
    backend.expectOne((r) => r.url === QUOTES_API.counts).flush(counts());
    expect(ids('expired')).toEqual([11]);
  });

  it('shows the columns without numbers when the API has no counts endpoint, and stops asking', () => {
    store.setFilters(DEFAULT_QUOTE_FILTERS);
    columnRequests().forEach((r) => r.flush(page([])));
    backend.expectOne((r) => r.url === QUOTES_API.counts).flush(apiError(404, 'not_found'), { status: 404, statusText: 'Not Found' });

    expect(store.counts()).toBeNull();
    store.reload();
    columnRequests().forEach((r) => r.flush(page([])));
    backend.expectNone((r) => r.url === QUOTES_API.counts);
  });
});
