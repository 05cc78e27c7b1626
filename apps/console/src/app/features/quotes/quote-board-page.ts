import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, effect, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import type { QuoteRequestDto } from '@parley/shared/contracts';
import { QUOTE_REQUEST_STATUSES, type QuoteRequestStatus } from '@parley/shared/domain';
import { WorkspaceStore } from '../../core/api/workspace.store';
import { I18nService } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { CurrentInbox } from '../../core/shell/current-inbox';
import { Shortcuts } from '../../core/shortcuts/shortcuts';
import { QuoteBoardStore } from './quote-board.store';
import { QuoteCard } from './quote-card';
import { QUOTE_ASSIGNEE_FILTERS, QuoteAssigneeFilter, QuoteFilters, hasNarrowingFilters, quoteFiltersFromParams, quoteFiltersToParams } from './quote-filters';
import { quoteNumber } from './quote-format';
import { statusKey } from './quote-status';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * The quote board: a column per status with its count, filters (inbox, assignee, AI proposals,
 * search) and live updates. Filters other than the top bar's inbox live in the URL.
 */
@Component({
  selector: 'pl-quote-board-page',
  imports: [TPipe, QuoteCard],
  providers: [QuoteBoardStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quote-board-page.html',
  styleUrl: './quote-board-page.css',
})
export class QuoteBoardPage {
  protected readonly store = inject(QuoteBoardStore);
  protected readonly workspace = inject(WorkspaceStore);
  protected readonly inbox = inject(CurrentInbox);
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #i18n = inject(I18nService);
  private readonly searchInput = viewChild.required<ElementRef<HTMLInputElement>>('search');

  protected readonly statuses = QUOTE_REQUEST_STATUSES;
  protected readonly statusKey = statusKey;
  protected readonly assigneeOptions = QUOTE_ASSIGNEE_FILTERS.map((value) => ({ value, key: `quotes.filter.assignee.${value}` as const }));

  readonly #params = toSignal(this.#route.queryParams, { requireSync: true });
  protected readonly filters = computed<QuoteFilters>(() => ({ ...quoteFiltersFromParams(this.#params()), inboxId: this.inbox.id() }));
  protected readonly narrowed = computed(() => hasNarrowingFilters(this.filters()));
  protected readonly query = signal('');
  /** The card being dragged, so columns can tell whether they take it. */
  protected readonly dragging = signal<QuoteRequestDto | null>(null);
  protected readonly dropTarget = signal<QuoteRequestStatus | null>(null);
  #searchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    this.workspace.inboxes.ensure();
    this.workspace.agents.ensure();
    effect(() => this.store.setFilters(this.filters()));
    // The URL (back button, a shared link) wins over what is typed.
    effect(() => this.query.set(this.filters().q));
    const destroyRef = inject(DestroyRef);
    destroyRef.onDestroy(() => this.#searchTimer && clearTimeout(this.#searchTimer));
    inject(Shortcuts).register(
      [{ keys: '/', descriptionKey: 'quotes.shortcut.search', group: 'list', action: () => this.focusSearch() }],
      destroyRef,
    );
  }

  protected focusSearch(): void {
    const input = this.searchInput().nativeElement;
    input.focus();
    input.select();
  }

  protected set(changes: Partial<QuoteFilters>): void {
    const next = { ...this.filters(), ...changes };
    if (next.inboxId !== this.inbox.id()) this.inbox.select(next.inboxId);
    void this.#router.navigate([], { relativeTo: this.#route, queryParams: quoteFiltersToParams(next), queryParamsHandling: 'merge' });
  }

  protected selectInbox(event: Event): void {
    this.set({ inboxId: (event.target as HTMLSelectElement).value || null });
  }

  protected setAssignee(value: QuoteAssigneeFilter): void {
    this.set({ assignee: value });
  }

  protected onSearchInput(value: string): void {
    this.query.set(value);
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.searchNow(), SEARCH_DEBOUNCE_MS);
  }

  protected searchNow(): void {
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
    this.#searchTimer = null;
    const q = this.query().trim();
    if (q !== this.filters().q) this.set({ q });
  }

  protected clearSearch(): void {
    this.query.set('');
    this.searchNow();
  }

  protected clearFilters(): void {
    this.query.set('');
    this.set({ assignee: 'any', proposedOnly: false, q: '' });
  }

  protected count(status: QuoteRequestStatus): number | null {
    return this.store.counts()?.[status] ?? null;
  }

  protected columnLabel(status: QuoteRequestStatus): string {
    const name = this.#i18n.t(statusKey(status));
    const count = this.count(status);
    return count === null ? name : `${name}, ${this.#i18n.t('quotes.board.count', { count })}`;
  }

  protected assigneeName(quote: QuoteRequestDto): string | null {
    return quote.assigneeId ? (this.workspace.agentNames().get(quote.assigneeId) ?? this.#i18n.t('quotes.someone')) : null;
  }

  protected moveErrorNumber(): string {
    const error = this.store.moveError();
    if (!error) return '';
    for (const status of QUOTE_REQUEST_STATUSES) {
      const quote = this.store.columns()[status].items.find((q) => q.id === error.id);
      if (quote) return quoteNumber(quote.displayId);
    }
    return '';
  }

  // ---- Dragging a card to another column (the card's "Move to" does the same from the keyboard) ----

  protected dragStart(quote: QuoteRequestDto): void {
    this.dragging.set(quote);
  }

  protected dragEnd(): void {
    this.dragging.set(null);
    this.dropTarget.set(null);
  }

  protected dragOver(event: DragEvent, status: QuoteRequestStatus): void {
    const quote = this.dragging();
    if (!quote || !this.store.canMove(quote, status)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    this.dropTarget.set(status);
  }

  protected dragLeave(status: QuoteRequestStatus): void {
    if (this.dropTarget() === status) this.dropTarget.set(null);
  }

  protected drop(event: DragEvent, status: QuoteRequestStatus): void {
    const quote = this.dragging();
    this.dragEnd();
    if (!quote) return;
    event.preventDefault();
    this.store.move(quote.id, status);
  }
}
