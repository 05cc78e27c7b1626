import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  Page,
  ReplyDraftDto,
  ReviewLogEntryDto,
} from '@parley/shared/contracts';
import { anAgent } from '../../../testing/fixtures';
import { LOCALE_STORAGE_KEY } from '../../core/i18n/i18n.service';
import { REVIEW_API } from './review-api';
import { reviewRoutes } from './review.routes';

function aDraft(overrides: Partial<ReplyDraftDto> = {}): ReplyDraftDto {
  return {
    id: 'draft-1',
    conversationId: 'c-1',
    messageId: 'm-1',
    status: 'edited',
    body: 'Your order ships today.',
    sources: [
      { id: 'a-1', kind: 'article', title: 'Shipping times', score: 0.8 },
    ],
    confidence: 0.72,
    needsHuman: false,
    reason: 'answered_from_sources',
    detail: null,
    category: 'shipping',
    finalBody: 'Your order ships tomorrow.',
    sentMessageId: 'm-2',
    reviewedById: 'agent-1',
    reviewedAt: '2026-11-20T10:05:00.000Z',
    rejectReason: null,
    flag: null,
    run: {
      provider: 'offline',
      model: 'parley-offline',
      promptVersion: 'v1',
      latencyMs: 12,
      fallbackError: null,
    },
    createdAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

function anEntry(
  draft: Partial<ReplyDraftDto> = {},
  question = '<img src=x onerror=alert(1)> 배송 언제 와요?',
): ReviewLogEntryDto {
  return {
    draft: aDraft(draft),
    question,
    conversationDisplayId: 1042,
    triage: {
      category: 'shipping',
      confidence: 0.91,
      correctedCategory: null,
      urgent: false,
      sentiment: 'neutral',
      language: 'ko',
    },
  };
}

describe('ReviewLogPage', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;
  let root: HTMLElement;

  async function open(url: string, page: Page<ReviewLogEntryDto>) {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'review', children: reviewRoutes }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(url);
    backend
      .expectOne(REVIEW_API.agents)
      .flush([anAgent({ id: 'agent-1', name: 'Mina Park' })]);
    backend.expectOne(REVIEW_API.categories).flush([
      {
        id: 'k1',
        key: 'shipping',
        label: 'Shipping',
        description: null,
        policy: 'draft',
        autoSendThreshold: 0.85,
        position: 0,
      },
    ]);
    backend.expectOne((r) => r.url === REVIEW_API.log).flush(page);
    await harness.fixture.whenStable();
    root = harness.routeNativeElement!;
  }

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('shows the question as text, the triage, who sent it and the edit diff', async () => {
    await open('/review', { items: [anEntry()], nextCursor: null });

    const row = root.querySelector('tr[data-draft-id="draft-1"]')!;
    expect(row.querySelector('.question')!.textContent).toBe(
      '<img src=x onerror=alert(1)> 배송 언제 와요?',
    );
    expect(row.querySelector('img')).toBeNull();
    expect(row.textContent).toContain('Conversation #1042');
    expect(row.textContent).toContain('Shipping');
    expect(row.textContent).toContain('91% sure');
    expect(row.textContent).toContain('by Mina Park');
    expect(row.textContent).toContain('Edited, then sent');
    expect(row.querySelector('del')!.textContent).toContain('today.');
    expect(row.querySelector('ins')!.textContent).toContain('tomorrow.');
    expect(row.textContent).toContain('Shipping times');
  });

  it('reads filters from the URL and sends them to the API', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'review', children: reviewRoutes }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    await RouterTestingHarness.create(
      '/review?status=rejected&flagged=true&minConfidence=0.3',
    );
    backend.expectOne(REVIEW_API.agents).flush([]);
    backend.expectOne(REVIEW_API.categories).flush([]);
    const req = backend.expectOne((r) => r.url === REVIEW_API.log);
    expect(req.request.params.get('status')).toBe('rejected');
    expect(req.request.params.get('flagged')).toBe('true');
    expect(req.request.params.get('minConfidence')).toBe('0.3');
    req.flush({ items: [], nextCursor: null });
  });

  it('changing a filter updates the URL and reloads the first page', async () => {
    await open('/review', { items: [anEntry()], nextCursor: 'more' });

    const select = root.querySelector<HTMLSelectElement>('#review-status')!;
    select.value = 'rejected';
    select.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/review?status=rejected');
    const req = backend.expectOne((r) => r.url === REVIEW_API.log);
    expect(req.request.params.get('status')).toBe('rejected');
    expect(req.request.params.has('cursor')).toBe(false);
    req.flush({ items: [], nextCursor: null });
    await harness.fixture.whenStable();
    expect(root.textContent).toContain('No AI drafts match these filters.');
  });

  it('flags an answer as wrong with a note, and requires the note', async () => {
    await open('/review', {
      items: [
        anEntry({ status: 'approved', finalBody: 'Your order ships today.' }),
      ],
      nextCursor: null,
    });
    expect(root.textContent).toContain('Sent as drafted');

    root
      .querySelector<HTMLButtonElement>(
        'button[aria-label^="Flag the answer"]',
      )!
      .click();
    await harness.fixture.whenStable();
    root
      .querySelector<HTMLButtonElement>('.flag-form button[type="submit"]')!
      .click();
    await harness.fixture.whenStable();
    expect(root.textContent).toContain(
      'Write a short note saying what is wrong.',
    );

    const note = root.querySelector<HTMLTextAreaElement>(
      '.flag-form textarea',
    )!;
    note.value = 'Ships tomorrow, not today';
    note.dispatchEvent(new Event('input'));
    root
      .querySelector<HTMLButtonElement>('.flag-form button[type="submit"]')!
      .click();
    const req = backend.expectOne('/api/v1/reply-drafts/draft-1/flag');
    expect(req.request.body).toEqual({ note: 'Ships tomorrow, not today' });
    req.flush(
      aDraft({
        status: 'approved',
        flag: {
          note: 'Ships tomorrow, not today',
          byId: 'agent-1',
          at: '2026-11-21T00:00:00.000Z',
        },
      }),
    );
    await harness.fixture.whenStable();

    expect(root.querySelector('.flag-form')).toBeNull();
    expect(root.querySelector('.flag-note')!.textContent).toContain(
      'Ships tomorrow, not today',
    );
    expect(root.querySelector('tr.flagged')).not.toBeNull();
  });

  it('says so when the server cannot flag yet (404)', async () => {
    await open('/review', { items: [anEntry()], nextCursor: null });
    root
      .querySelector<HTMLButtonElement>(
        'button[aria-label^="Flag the answer"]',
      )!
      .click();
    await harness.fixture.whenStable();
    const note = root.querySelector<HTMLTextAreaElement>(
      '.flag-form textarea',
    )!;
    note.value = 'wrong';
    note.dispatchEvent(new Event('input'));
    root
      .querySelector<HTMLButtonElement>('.flag-form button[type="submit"]')!
      .click();
    backend
      .expectOne('/api/v1/reply-drafts/draft-1/flag')
      .flush(
        { statusCode: 404, code: 'not_found', message: 'Cannot POST' },
        { status: 404, statusText: 'Not Found' },
      );
    await harness.fixture.whenStable();
    expect(root.textContent).toContain('This server cannot flag answers yet.');
  });

  it('loads the next page after the current rows', async () => {
    await open('/review', { items: [anEntry()], nextCursor: 'cursor-2' });
    const more = Array.from(root.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === 'Load more',
    )!;
    more.click();
    const req = backend.expectOne((r) => r.url === REVIEW_API.log);
    expect(req.request.params.get('cursor')).toBe('cursor-2');
    req.flush({ items: [anEntry({ id: 'draft-2' })], nextCursor: null });
    await harness.fixture.whenStable();
    expect(root.querySelectorAll('tbody tr').length).toBe(2);
    expect(root.textContent).not.toContain('Load more');
  });
});
