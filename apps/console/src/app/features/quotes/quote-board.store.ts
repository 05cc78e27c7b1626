import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { QuoteRequestDto, QuoteRequestEvent } from '@parley/shared/contracts';
import { QUOTE_REQUEST_STATUSES, canTransitionQuote, type QuoteRequestStatus } from '@parley/shared/domain';
import { Subscription, forkJoin } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import type { MessageKey } from '../../core/i18n/messages';
import { AgentRealtime } from '../../core/realtime/agent-realtime';
import { BoardContext, BoardState, EMPTY_BOARD, appendColumnPage, findQuote, previousStatus, upsertQuote } from './quote-board';
import { DEFAULT_QUOTE_FILTERS, QuoteFilters, quoteCountsQuery, quoteListQuery, sameQuoteFilters } from './quote-filters';
import { quoteErrorKey } from './quote-status';
import { QuotesApi } from './quotes-api';

export const QUOTE_COLUMN_PAGE_SIZE = 20;
const COUNTS_DEBOUNCE_MS = 1_000;

/**
 * The quote board: one column per status with its own pages, the counts per status, and live
 * `quote_request.*` events merged in (see quote-board.ts). One per board page.
 */
@Injectable()
export class QuoteBoardStore {
  readonly #api = inject(QuotesApi);
  readonly #auth = inject(AuthService);
  readonly #realtime = inject(AgentRealtime);
  readonly #destroyRef = inject(DestroyRef);

  readonly #filters = signal<QuoteFilters>(DEFAULT_QUOTE_FILTERS);
  readonly #board = signal<BoardState>(EMPTY_BOARD);
  readonly #loading = signal(false);
  readonly #loaded = signal(false);
  readonly #failed = signal(false);
  readonly #loadingMore = signal<ReadonlySet<QuoteRequestStatus>>(new Set());
  readonly #moving = signal<ReadonlySet<string>>(new Set());
  readonly #moveError = signal<{ id: string; key: MessageKey } | null>(null);

  #request: Subscription | null = null;
  #generation = 0;
  #countsTimer: ReturnType<typeof setTimeout> | null = null;
  #countsSupported = true;

  readonly filters = this.#filters.asReadonly();
  readonly columns = computed(() => this.#board().columns);
  readonly counts = computed(() => this.#board().counts);
  readonly loading = this.#loading.asReadonly();
  readonly loaded = this.#loaded.asReadonly();
  readonly failed = this.#failed.asReadonly();
  readonly loadingMore = this.#loadingMore.asReadonly();
  /** Requests whose status change is on its way. */
  readonly moving = this.#moving.asReadonly();
  /** The last move the API refused, to explain beside the board. */
  readonly moveError = this.#moveError.asReadonly();
  readonly shownCount = computed(() => QUOTE_REQUEST_STATUSES.reduce((n, s) => n + this.#board().columns[s].items.length, 0));

  constructor() {
    this.#live('quote_request.created', ({ quoteRequest }) => this.#apply(quoteRequest, true));
    this.#live('quote_request.updated', ({ quoteRequest, changes }) => this.#apply(quoteRequest, false, previousStatus(changes)));
    // Back after a connection loss: events sent meanwhile are gone, so reload what is shown.
    let seen = this.#realtime.resyncs();
    effect(() => {
      const resyncs = this.#realtime.resyncs();
      if (resyncs === seen) return;
      seen = resyncs;
      untracked(() => this.reload());
    });
    this.#destroyRef.onDestroy(() => {
      this.#request?.unsubscribe();
      if (this.#countsTimer) clearTimeout(this.#countsTimer);
    });
  }

  setFilters(filters: QuoteFilters): void {
    if (this.#loaded() && sameQuoteFilters(filters, this.#filters())) return;
    this.#filters.set(filters);
    this.reload();
  }

  /** The first page of every column, and the counts. */
  reload(): void {
    const generation = ++this.#generation;
    const filters = this.#filters();
    this.#request?.unsubscribe();
    this.#loading.set(true);
    this.#failed.set(false);
    this.#loadingMore.set(new Set());
    const pages = Object.fromEntries(
      QUOTE_REQUEST_STATUSES.map((status) => [status, this.#api.list(quoteListQuery(filters, status, null, QUOTE_COLUMN_PAGE_SIZE))]),
    );
    this.#request = forkJoin(pages).subscribe({
      next: (result) => {
        if (generation !== this.#generation) return;
        let board: BoardState = { ...EMPTY_BOARD, counts: this.#board().counts };
        for (const status of QUOTE_REQUEST_STATUSES) board = appendColumnPage(board, status, result[status].items, result[status].nextCursor);
        this.#board.set(board);
        this.#loading.set(false);
        this.#loaded.set(true);
      },
      error: () => {
        if (generation !== this.#generation) return;
        this.#loading.set(false);
        this.#failed.set(true);
        this.#loaded.set(true);
      },
    });
    this.refreshCounts();
  }

  loadMore(status: QuoteRequestStatus): void {
    const cursor = this.#board().columns[status].nextCursor;
    if (!cursor || this.#loading() || this.#loadingMore().has(status)) return;
    const generation = this.#generation;
    this.#loadingMore.update((s) => new Set(s).add(status));
    const done = () => this.#loadingMore.update((s) => new Set([...s].filter((x) => x !== status)));
    this.#api
      .list(quoteListQuery(this.#filters(), status, cursor, QUOTE_COLUMN_PAGE_SIZE))
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({
        next: (page) => {
          if (generation !== this.#generation) return;
          this.#board.update((board) => appendColumnPage(board, status, page.items, page.nextCursor));
          done();
        },
        error: () => {
          if (generation === this.#generation) done();
        },
      });
  }

  refreshCounts(): void {
    if (this.#countsTimer) clearTimeout(this.#countsTimer);
    this.#countsTimer = null;
    if (!this.#countsSupported) return;
    const generation = this.#generation;
    this.#api
      .counts(quoteCountsQuery(this.#filters()))
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({
        next: (counts) => generation === this.#generation && this.#board.update((board) => ({ ...board, counts })),
        error: (error: unknown) => {
          // An API without the counts endpoint: show the columns without numbers.
          if (error instanceof HttpErrorResponse && error.status === 404) this.#countsSupported = false;
          this.#board.update((board) => ({ ...board, counts: null }));
        },
      });
  }

  /** Whether the agent may move the request there by hand (`quoted` is reached by sending a quote). */
  canMove(quote: QuoteRequestDto, to: QuoteRequestStatus): boolean {
    return quote.status !== to && canTransitionQuote(quote.status, to, 'agent') && !this.#moving().has(quote.id);
  }

  /** Moves a card to another column at once and asks the API; a refusal puts it back and says why. */
  move(id: string, to: QuoteRequestStatus): void {
    const quote = findQuote(this.#board().columns, id);
    if (!quote || !this.canMove(quote, to)) return;
    this.#moveError.set(null);
    this.#moving.update((s) => new Set(s).add(id));
    this.#apply({ ...quote, status: to }, false);
    const settle = () => this.#moving.update((s) => new Set([...s].filter((x) => x !== id)));
    this.#api
      .update(id, { status: to })
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({
        next: (saved) => {
          settle();
          this.#apply(saved, false);
        },
        error: (error: unknown) => {
          settle();
          this.#apply(quote, false);
          this.#moveError.set({ id, key: quoteErrorKey(error) });
          // Someone else moved it meanwhile: show where it is now.
          if (quoteErrorKey(error) === 'quotes.error.invalidTransition') this.#refetch(id);
        },
      });
  }

  dismissMoveError(): void {
    this.#moveError.set(null);
  }

  #context(): BoardContext {
    return { filters: this.#filters(), meId: this.#auth.agent()?.id ?? null };
  }

  #apply(quote: QuoteRequestDto, created: boolean, from: QuoteRequestStatus | null = null): void {
    this.#board.update((board) => upsertQuote(board, quote, this.#context(), created, from));
  }

  #refetch(id: string): void {
    const generation = this.#generation;
    this.#api
      .get(id)
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({ next: (quote) => generation === this.#generation && this.#apply(quote, false), error: () => undefined });
  }

  #scheduleCounts(): void {
    if (this.#countsTimer || !this.#countsSupported) return;
    this.#countsTimer = setTimeout(() => this.refreshCounts(), COUNTS_DEBOUNCE_MS);
  }

  #live(event: 'quote_request.created' | 'quote_request.updated', handle: (event: QuoteRequestEvent) => void): void {
    this.#realtime
      .on(event)
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe((data) => {
        // Before the first pages arrive there is nothing to merge into; the pages will be current.
        if (!this.#loaded()) return;
        // A card being moved here keeps the agent's choice until the API answers.
        if (this.#moving().has(data.quoteRequest.id)) return;
        handle(data);
        this.#scheduleCounts();
      });
  }
}
