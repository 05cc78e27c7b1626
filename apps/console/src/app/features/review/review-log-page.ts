import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import {
  REPLY_DRAFT_STATUSES,
  type AgentDto,
  type CategoryDto,
  type ReplyDraftDto,
  type ReplyDraftStatus,
  type ReviewLogEntryDto,
} from '@parley/shared/contracts';
import {
  Subject,
  catchError,
  combineLatest,
  distinctUntilChanged,
  map,
  of,
  startWith,
  switchMap,
  tap,
} from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { MESSAGES, MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';
import { csvFilename, saveBlob } from './download';
import { EditDiff } from './edit-diff';
import { ReviewApi } from './review-api';
import {
  NO_FILTERS,
  ReviewFilters,
  activeFilterCount,
  filtersFromParams,
  filtersToQueryParams,
  percentToConfidence,
  sameFilters,
} from './review-filters';
import { wasEdited } from './word-diff';

type LoadState = 'loading' | 'ready' | 'error';

/** The owner's audit view: every AI draft beside the question, what was sent, by whom, and the edits. */
@Component({
  selector: 'pl-review-log-page',
  imports: [TPipe, EditDiff],
  templateUrl: './review-log-page.html',
  styleUrl: './review-log-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewLogPage {
  readonly #api = inject(ReviewApi);
  readonly #route = inject(ActivatedRoute);
  readonly #router = inject(Router);
  readonly #i18n = inject(I18nService);
  readonly #document = inject(DOCUMENT);
  readonly #destroyRef = inject(DestroyRef);

  protected readonly statuses = REPLY_DRAFT_STATUSES;

  readonly #filters$ = this.#route.queryParamMap.pipe(
    map(filtersFromParams),
    distinctUntilChanged(sameFilters),
  );
  protected readonly filters = toSignal(this.#filters$, {
    initialValue: NO_FILTERS,
  });
  protected readonly activeFilters = computed(() =>
    activeFilterCount(this.filters()),
  );

  readonly #reload = new Subject<void>();
  protected readonly entries = signal<ReviewLogEntryDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly state = signal<LoadState>('loading');
  protected readonly loadingMore = signal(false);

  protected readonly agents = signal<AgentDto[]>([]);
  protected readonly categories = signal<CategoryDto[]>([]);
  readonly #agentNames = computed(
    () => new Map(this.agents().map((a) => [a.id, a.name])),
  );
  readonly #categoryLabels = computed(
    () => new Map(this.categories().map((c) => [c.key, c.label])),
  );

  protected readonly exporting = signal(false);
  protected readonly exportError = signal(false);

  protected readonly flaggingId = signal<string | null>(null);
  protected readonly flagNote = signal('');
  protected readonly flagSaving = signal(false);
  protected readonly flagError = signal<MessageKey | null>(null);

  readonly #dateFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.#i18n.locale(), {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
  );

  constructor() {
    combineLatest([this.#filters$, this.#reload.pipe(startWith(undefined))])
      .pipe(
        map(([filters]) => filters),
        tap(() => {
          this.state.set('loading');
          this.flaggingId.set(null);
        }),
        switchMap((filters) =>
          this.#api.page(filters).pipe(
            map((page) => ({ page })),
            catchError(() => of({ page: null })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ page }) => {
        this.entries.set(page?.items ?? []);
        this.nextCursor.set(page?.nextCursor ?? null);
        this.state.set(page ? 'ready' : 'error');
      });

    // Names and labels only decorate the rows: without them the log still shows ids and keys.
    this.#api
      .agents()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (a) => this.agents.set(a), error: () => undefined });
    this.#api
      .categories()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (c) => this.categories.set(c),
        error: () => undefined,
      });
  }

  protected setFilters(patch: Partial<ReviewFilters>): void {
    const filters = { ...this.filters(), ...patch };
    void this.#router.navigate([], {
      relativeTo: this.#route,
      queryParams: filtersToQueryParams(filters),
    });
  }

  protected clearFilters(): void {
    this.setFilters(NO_FILTERS);
  }

  protected onText(
    key: 'from' | 'to' | 'category' | 'reviewedById',
    event: Event,
  ): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    this.setFilters({ [key]: value || null });
  }

  protected onStatus(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.setFilters({ status: (value || null) as ReplyDraftStatus | null });
  }

  protected onFlagged(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.setFilters({ flagged: value === '' ? null : value === 'true' });
  }

  protected onConfidence(
    key: 'minConfidence' | 'maxConfidence',
    event: Event,
  ): void {
    const value = (event.target as HTMLInputElement).value;
    this.setFilters({ [key]: percentToConfidence(value) });
  }

  protected percent(value: number | null | undefined): string {
    return value === null || value === undefined
      ? ''
      : String(Math.round(value * 100));
  }

  protected retry(): void {
    this.#reload.next();
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.#api
      .page(this.filters(), cursor)
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({
        next: (page) => {
          this.entries.update((list) => [...list, ...page.items]);
          this.nextCursor.set(page.nextCursor);
          this.loadingMore.set(false);
        },
        error: () => this.loadingMore.set(false),
      });
  }

  protected exportCsv(): void {
    if (this.exporting()) return;
    this.exporting.set(true);
    this.exportError.set(false);
    this.#api
      .exportCsv(this.filters())
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({
        next: (blob) => {
          saveBlob(this.#document, blob, csvFilename());
          this.exporting.set(false);
        },
        error: () => {
          this.exportError.set(true);
          this.exporting.set(false);
        },
      });
  }

  protected startFlag(draft: ReplyDraftDto): void {
    this.flaggingId.set(draft.id);
    this.flagNote.set(draft.flag?.note ?? '');
    this.flagError.set(null);
  }

  protected cancelFlag(): void {
    this.flaggingId.set(null);
  }

  protected saveFlag(draft: ReplyDraftDto): void {
    const note = this.flagNote().trim();
    if (!note) {
      this.flagError.set('review.flagNoteRequired');
      return;
    }
    if (this.flagSaving()) return;
    this.flagSaving.set(true);
    this.flagError.set(null);
    this.#api
      .flag(draft.id, note)
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({
        next: (saved) => {
          const flag = saved?.flag ?? {
            note,
            byId: null,
            at: new Date().toISOString(),
          };
          this.entries.update((list) =>
            list.map((e) =>
              e.draft.id === draft.id
                ? { ...e, draft: { ...e.draft, flag } }
                : e,
            ),
          );
          this.flagSaving.set(false);
          this.flaggingId.set(null);
        },
        error: (error: unknown) => {
          this.flagSaving.set(false);
          this.flagError.set(
            error instanceof HttpErrorResponse && error.status === 404
              ? 'review.flagUnavailable'
              : 'review.flagFailed',
          );
        },
      });
  }

  protected when(iso: string | null): string {
    return iso ? this.#dateFormat().format(new Date(iso)) : '';
  }

  protected agentName(id: string | null): string | null {
    if (!id) return null;
    return this.#agentNames().get(id) ?? this.#i18n.t('review.unknownAgent');
  }

  protected categoryLabel(key: string | null | undefined): string {
    if (!key) return this.#i18n.t('review.noCategory');
    return this.#categoryLabels().get(key) ?? key;
  }

  protected categoryLabelKnown(key: string): boolean {
    return this.#categoryLabels().has(key);
  }

  protected statusKey(status: ReplyDraftStatus): MessageKey {
    return `review.status.${status}`;
  }

  protected edited(draft: ReplyDraftDto): boolean {
    return wasEdited(draft.body, draft.finalBody);
  }

  /** Known draft reasons in words; a reason added later shows as its code, readably. */
  protected reasonText(reason: string): string {
    const key = `review.reason.${reason}`;
    return key in MESSAGES.en
      ? this.#i18n.t(key as MessageKey)
      : reason.replace(/_/g, ' ');
  }
}
