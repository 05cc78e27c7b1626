import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { QuoteRequestDto } from '@parley/shared/contracts';
import { QUOTE_REQUEST_STATUSES } from '@parley/shared/domain';
import { FakeAgentSocket, flushWorkspaceRequests, provideFakeAgentSocket } from '../../../testing/fake-agent-socket';
import { aSession, anAgent, storeSignedIn } from '../../../testing/fixtures';
import { aQuote } from '../../../testing/quotes';
import { LOCALE_STORAGE_KEY } from '../../core/i18n/i18n.service';
import { AgentRealtime } from '../../core/realtime/agent-realtime';
import { quotesRoutes } from './quotes.routes';
import { QUOTES_API } from './quotes-api';

describe('quote screens', () => {
  let backend: HttpTestingController;
  let socket: FakeAgentSocket;

  async function start(url: string) {
    socket = new FakeAgentSocket();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'quotes', children: quotesRoutes }], withComponentInputBinding()),
        provideFakeAgentSocket(socket),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(AgentRealtime).start();
    await new Promise((r) => setTimeout(r));
    socket.serverConnect();
    const harness = await RouterTestingHarness.create(url);
    return { harness, root: harness.fixture.nativeElement as HTMLElement };
  }

  function flushBoard(cards: QuoteRequestDto[]) {
    for (const request of backend.match((r) => r.url === QUOTES_API.list)) {
      const status = request.request.params.get('status');
      request.flush({ items: cards.filter((q) => q.status === status), nextCursor: null });
    }
    backend.expectOne((r) => r.url === QUOTES_API.counts).flush(Object.fromEntries(QUOTE_REQUEST_STATUSES.map((s) => [s, cards.filter((q) => q.status === s).length])));
    flushWorkspaceRequests(backend);
  }

  const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    el.value = value;
    el.dispatchEvent(new Event('input'));
  };
  const byLabel = <T extends HTMLElement>(root: HTMLElement, text: string): T => {
    const label = Array.from(root.querySelectorAll('label')).find((l) => l.textContent?.trim() === text);
    if (!label) throw new Error(`no label "${text}"`);
    return root.querySelector<T>(`#${label.htmlFor}`) as T;
  };
  const button = (root: HTMLElement, text: string) => Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    storeSignedIn(aSession({ agent: anAgent({ id: 'me' }) }));
  });

  afterEach(() => localStorage.clear());

  it('shows each request as a card in its status column, customer text as text, and adds new ones live', async () => {
    const { harness, root } = await start('/quotes');
    flushBoard([
      aQuote({ displayId: 1042, contact: { name: '홍길동', company: '<img src=x onerror=alert(1)>', email: null, phone: null } }),
      aQuote({ displayId: 1043, status: 'quoted', source: 'ai_proposal', proposed: true }),
    ]);
    await harness.fixture.whenStable();

    const column = (status: string) => root.querySelector(`section[data-status="${status}"]`)!;
    const card = column('new').querySelector('[data-testid="quote-card"]')!;
    expect(card.querySelector('a')?.textContent).toContain('Q-1042');
    expect(card.querySelector('a')?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelector('a')?.getAttribute('href')).toMatch(/^\/quotes\/[0-9a-f-]+$/);
    expect(column('quoted').textContent).toContain('AI proposal');
    expect(column('new').querySelector('h2')?.getAttribute('aria-label')).toBe('New, 1 in total');

    socket.receive('quote_request.created', { quoteRequest: aQuote({ displayId: 1050, createdAt: '2026-11-21T00:00:00.000Z' }) });
    await harness.fixture.whenStable();
    expect(Array.from(column('new').querySelectorAll('[data-testid="quote-card"] a')).map((a) => a.textContent?.match(/Q-\d+/)?.[0])).toEqual([
      'Q-1050',
      'Q-1042',
    ]);
  });

  it('keeps the filters in the URL and asks again for the columns', async () => {
    const { harness, root } = await start('/quotes?assignee=me');
    flushBoard([]);
    await harness.fixture.whenStable();

    expect(button(root, 'Me')?.getAttribute('aria-pressed')).toBe('true');
    button(root, 'AI proposals only')!.click();
    await harness.fixture.whenStable();

    const requests = backend.match((r) => r.url === QUOTES_API.list);
    expect(requests).toHaveLength(6);
    expect(requests[0].request.params.get('proposed')).toBe('true');
    expect(requests[0].request.params.get('assignee')).toBe('me');
  });

  it('shows the status, offers only the allowed moves, and sends a quote from the form', async () => {
    const quote = aQuote({ displayId: 1042, status: 'in_review' });
    const { harness, root } = await start(`/quotes/${quote.id}`);
    backend.expectOne(QUOTES_API.one(quote.id)).flush(quote);
    flushWorkspaceRequests(backend);
    await harness.fixture.whenStable();

    expect(root.querySelector('[data-testid="quote-status"]')?.textContent?.trim()).toBe('In review');
    expect(button(root, 'Back to new')).toBeTruthy();
    expect(button(root, 'Decline')).toBeTruthy();
    expect(button(root, 'Start review')).toBeUndefined();

    const form = root.querySelector<HTMLFormElement>('form[aria-labelledby="quote-send-title"]')!;
    type(byLabel<HTMLInputElement>(form, 'Amount'), '2500000');
    type(byLabel<HTMLTextAreaElement>(form, 'Message to the customer (optional)'), 'Includes delivery.');
    expect(byLabel<HTMLSelectElement>(form, 'Currency').value).toBe('KRW');
    expect(byLabel<HTMLInputElement>(form, 'Valid until').value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    button(form, 'Send quote')!.click();

    const post = backend.expectOne(QUOTES_API.send(quote.id));
    expect(post.request.body).toMatchObject({ amount: 2_500_000, currency: 'KRW', message: 'Includes delivery.' });
    post.flush({
      ...quote,
      status: 'quoted',
      offer: { amount: 2_500_000, currency: 'KRW', validUntil: '2026-12-05', message: 'Includes delivery.', sentAt: '2026-11-21T06:00:00.000Z', sentById: 'me' },
    });
    await harness.fixture.whenStable();

    expect(root.querySelector('[data-testid="quote-status"]')?.textContent?.trim()).toBe('Quoted');
    expect(root.querySelector('[data-testid="quote-offer-amount"]')?.textContent).toContain('2,500,000');
    expect(button(root, 'Open PDF')).toBeTruthy();
    expect(root.textContent).toContain('Send a revised quote');
  });

  it('hides sending for a declined request and offers to reopen the review', async () => {
    const quote = aQuote({ status: 'declined' });
    const { harness, root } = await start(`/quotes/${quote.id}`);
    backend.expectOne(QUOTES_API.one(quote.id)).flush(quote);
    flushWorkspaceRequests(backend);
    await harness.fixture.whenStable();

    expect(root.querySelector('#send-amount')).toBeNull();
    expect(button(root, 'Start review')).toBeTruthy();
    expect(root.textContent).toContain('A quote cannot be sent in this status');
  });
});
