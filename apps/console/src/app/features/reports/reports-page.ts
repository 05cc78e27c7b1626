import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type {
  CategoryDto,
  InboxDto,
  ReportsOverviewDto,
} from '@parley/shared/contracts';
import { catchError, map, of, switchMap, tap } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { BarChart } from './bar-chart';
import {
  DecidedOutcome,
  busiestHours,
  confidenceModel,
  hoursModel,
  isEmpty,
  lastDays,
  outcomeRates,
  outcomeRatesModel,
  perDayModel,
  rangeToQuery,
  splitMinutes,
} from './report-charts';
import { ReportsApi } from './reports-api';

type State = 'loading' | 'ready' | 'error' | 'unavailable';

const PRESETS = [7, 30, 90] as const;

/** The owner's dashboard: volume by category, first response, what agents do with drafts, busy hours. */
@Component({
  selector: 'pl-reports-page',
  imports: [TPipe, BarChart],
  templateUrl: './reports-page.html',
  styleUrl: './reports-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  readonly #api = inject(ReportsApi);
  readonly #i18n = inject(I18nService);
  protected readonly presets = PRESETS;

  protected readonly range = signal(lastDays(30));
  protected readonly inboxId = signal('');
  protected readonly inboxes = signal<InboxDto[]>([]);
  protected readonly categories = signal<CategoryDto[]>([]);
  protected readonly state = signal<State>('loading');
  protected readonly report = signal<ReportsOverviewDto | null>(null);
  protected readonly rangeInvalid = computed(
    () => this.range().from > this.range().to,
  );

  readonly #query = computed(() => ({
    ...rangeToQuery(this.range()),
    inboxId: this.inboxId() || undefined,
  }));

  readonly #categoryLabels = computed(
    () => new Map(this.categories().map((c) => [c.key, c.label])),
  );

  protected readonly perDay = computed(() => {
    const r = this.report();
    if (!r) return null;
    const model = perDayModel(r, (key) => this.categoryLabel(key));
    const total = r.conversationsPerDay.reduce(
      (sum, d) => sum + Object.values(d.byCategory).reduce((a, b) => a + b, 0),
      0,
    );
    return {
      model,
      empty: isEmpty(model),
      summary: this.#i18n.t('reports.perDay.summary', {
        total,
        days: r.conversationsPerDay.length,
        top: model.series[0]?.label ?? '—',
      }),
    };
  });

  protected readonly outcomes = computed(() => {
    const r = this.report();
    if (!r) return null;
    const { decided, rates } = outcomeRates(r);
    const rate = (o: DecidedOutcome) =>
      rates.find((x) => x.outcome === o)?.rate ?? 0;
    return {
      model: outcomeRatesModel(r, (o) => this.outcomeLabel(o)),
      decided,
      rates,
      summary: this.#i18n.t('reports.outcomes.summary', {
        decided,
        approved: rate('approved'),
        edited: rate('edited'),
        rejected: rate('rejected'),
        autoSent: rate('autoSent'),
      }),
    };
  });

  protected readonly confidence = computed(() => {
    const r = this.report();
    if (!r) return null;
    const model = confidenceModel(r, (o) => this.outcomeLabel(o));
    return {
      model,
      empty: isEmpty(model),
      summary: this.#i18n.t('reports.confidence.summary', {
        bands: model.labels.length,
      }),
    };
  });

  protected readonly hours = computed(() => {
    const r = this.report();
    if (!r) return null;
    const model = hoursModel(r, this.#i18n.t('reports.hours.series'));
    const top = busiestHours(r)
      .map((h) => `${String(h).padStart(2, '0')}:00`)
      .join(', ');
    return {
      model,
      empty: isEmpty(model),
      summary: top
        ? this.#i18n.t('reports.hours.summary', { hours: top })
        : this.#i18n.t('reports.noData'),
    };
  });

  constructor() {
    toObservable(this.#query)
      .pipe(
        tap(() => this.state.set('loading')),
        switchMap((query) =>
          this.rangeInvalid()
            ? of({ report: null, error: 'invalid' as const })
            : this.#api.overview(query).pipe(
                map((report) => ({ report, error: null })),
                catchError((e: unknown) =>
                  of({
                    report: null,
                    error:
                      e instanceof HttpErrorResponse && e.status === 404
                        ? ('unavailable' as const)
                        : ('error' as const),
                  }),
                ),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ report, error }) => {
        this.report.set(report);
        this.state.set(
          error === 'unavailable'
            ? 'unavailable'
            : error === 'error'
              ? 'error'
              : report
                ? 'ready'
                : 'loading',
        );
      });

    this.#api
      .inboxes()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (i) => this.inboxes.set(i), error: () => undefined });
    this.#api
      .categories()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (c) => this.categories.set(c),
        error: () => undefined,
      });
  }

  protected setFrom(event: Event): void {
    const from = (event.target as HTMLInputElement).value;
    if (from) this.range.update((r) => ({ ...r, from }));
  }

  protected setTo(event: Event): void {
    const to = (event.target as HTMLInputElement).value;
    if (to) this.range.update((r) => ({ ...r, to }));
  }

  protected preset(days: number): void {
    this.range.set(lastDays(days));
  }

  protected isPreset(days: number): boolean {
    const p = lastDays(days);
    return p.from === this.range().from && p.to === this.range().to;
  }

  protected setInbox(event: Event): void {
    this.inboxId.set((event.target as HTMLSelectElement).value);
  }

  protected retry(): void {
    this.range.update((r) => ({ ...r }));
  }

  protected categoryLabel(key: string): string {
    if (!key || key === 'none' || key === 'uncategorized')
      return this.#i18n.t('reports.uncategorised');
    return this.#categoryLabels().get(key) ?? key;
  }

  protected outcomeLabel(o: DecidedOutcome): string {
    return this.#i18n.t(`reports.outcome.${o}`);
  }

  protected duration(minutes: number | null): string {
    if (minutes === null) return '—';
    const d = splitMinutes(minutes);
    if (d.unit === 'seconds')
      return this.#i18n.t('reports.seconds', { s: d.s });
    if (d.unit === 'minutes')
      return this.#i18n.t('reports.minutes', { m: d.m });
    return this.#i18n.t('reports.hoursMinutes', { h: d.h, m: d.m });
  }
}
