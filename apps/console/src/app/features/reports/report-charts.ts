import type { ReportsOverviewDto } from '@parley/shared/contracts';

/**
 * Report data → what the charts draw. Kept free of chart.js so it is testable and so the same
 * model feeds both the canvas and its text alternative (a data table).
 */
export interface ChartSeries {
  label: string;
  data: number[];
  color: string;
}

export interface ChartModel {
  labels: string[];
  /** Longer labels for the data table when the axis uses short ones. */
  tableLabels?: string[];
  series: ChartSeries[];
  stacked: boolean;
  /** Values are percentages (axis 0-100, ticks with %). */
  percent?: boolean;
}

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
] as const;

export const OUTCOME_COLORS = {
  approved: '#009E73',
  edited: '#E69F00',
  rejected: '#D55E00',
  autoSent: '#0072B2',
} as const;

export type DecidedOutcome = keyof typeof OUTCOME_COLORS;
export const DECIDED_OUTCOMES: readonly DecidedOutcome[] = [
  'approved',
  'edited',
  'rejected',
  'autoSent',
];

/** Stacked bars: one bar per day, one series per category (ordered by total, busiest first). */
export function perDayModel(
  dto: ReportsOverviewDto,
  categoryLabel: (key: string) => string,
): ChartModel {
  const totals = new Map<string, number>();
  for (const day of dto.conversationsPerDay)
    for (const [key, n] of Object.entries(day.byCategory))
      totals.set(key, (totals.get(key) ?? 0) + n);
  const keys = [...totals.keys()].sort(
    (a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b),
  );
  return {
    // MM-DD on the axis (the range is shown above the chart); full dates in the table.
    labels: dto.conversationsPerDay.map((d) => d.date.slice(5)),
    tableLabels: dto.conversationsPerDay.map((d) => d.date),
    series: keys.map((key, i) => ({
      label: categoryLabel(key),
      data: dto.conversationsPerDay.map((d) => d.byCategory[key] ?? 0),
      color: PALETTE[i % PALETTE.length],
    })),
    stacked: true,
  };
}

export interface OutcomeRate {
  outcome: DecidedOutcome;
  count: number;
  /** Share of the drafts an agent (or the auto-send policy) decided on, 0-100, one decimal. */
  rate: number;
}

/** Approve / edit / reject / auto-send rates among decided drafts (waiting, superseded and failed left out). */
export function outcomeRates(dto: ReportsOverviewDto): {
  decided: number;
  rates: OutcomeRate[];
} {
  const o = dto.draftOutcomes;
  const counts: Record<DecidedOutcome, number> = {
    approved: o.approved,
    edited: o.edited,
    rejected: o.rejected,
    autoSent: o.autoSent,
  };
  const decided = DECIDED_OUTCOMES.reduce((sum, k) => sum + counts[k], 0);
  return {
    decided,
    rates: DECIDED_OUTCOMES.map((outcome) => ({
      outcome,
      count: counts[outcome],
      rate: decided ? Math.round((counts[outcome] / decided) * 1000) / 10 : 0,
    })),
  };
}

export function outcomeRatesModel(
  dto: ReportsOverviewDto,
  outcomeLabel: (o: DecidedOutcome) => string,
): ChartModel {
  const { rates } = outcomeRates(dto);
  return {
    labels: rates.map((r) => outcomeLabel(r.outcome)),
    series: [
      {
        label: '%',
        data: rates.map((r) => r.rate),
        color: PALETTE[0],
      },
    ],
    stacked: false,
    percent: true,
  };
}

/** Per confidence band, what became of the drafts: does a confident AI get approved more? */
export function confidenceModel(
  dto: ReportsOverviewDto,
  outcomeLabel: (o: DecidedOutcome) => string,
): ChartModel {
  const bands = [...dto.confidenceVsOutcome].sort((a, b) =>
    a.band.localeCompare(b.band, undefined, { numeric: true }),
  );
  return {
    labels: bands.map((b) => b.band),
    series: DECIDED_OUTCOMES.map((outcome) => ({
      label: outcomeLabel(outcome),
      data: bands.map((b) => b[outcome]),
      color: OUTCOME_COLORS[outcome],
    })),
    stacked: true,
  };
}

/** All 24 hours, zero where the API sent nothing. */
export function hoursModel(dto: ReportsOverviewDto, label: string): ChartModel {
  const byHour = new Map(dto.busiestHours.map((h) => [h.hour, h.messages]));
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return {
    labels: hours.map((h) => `${String(h).padStart(2, '0')}:00`),
    series: [
      { label, data: hours.map((h) => byHour.get(h) ?? 0), color: PALETTE[0] },
    ],
    stacked: false,
  };
}

/** The busiest hours, most messages first (ties by hour), for the chart's short text summary. */
export function busiestHours(dto: ReportsOverviewDto, top = 3): number[] {
  return [...dto.busiestHours]
    .filter((h) => h.messages > 0)
    .sort((a, b) => b.messages - a.messages || a.hour - b.hour)
    .slice(0, top)
    .map((h) => h.hour);
}

export function isEmpty(model: ChartModel): boolean {
  return model.series.every((s) => s.data.every((v) => v === 0));
}

/** Minutes as "45 s", "12 min" or "2 h 5 min" parts, for i18n to word. */
export function splitMinutes(minutes: number): {
  unit: 'seconds' | 'minutes' | 'hours';
  h: number;
  m: number;
  s: number;
} {
  if (minutes < 1)
    return { unit: 'seconds', h: 0, m: 0, s: Math.round(minutes * 60) };
  const rounded = Math.round(minutes);
  if (rounded < 60) return { unit: 'minutes', h: 0, m: rounded, s: 0 };
  return { unit: 'hours', h: Math.floor(rounded / 60), m: rounded % 60, s: 0 };
}

/** YYYY-MM-DD of a local date. */
export function dayString(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last `days` days, today included, as inclusive YYYY-MM-DD days. */
export function lastDays(
  days: number,
  today: Date = new Date(),
): { from: string; to: string } {
  const from = new Date(
    today.getFullYear(),
    today.getMonth(),
    today.getDate() - (days - 1),
  );
  return { from: dayString(from), to: dayString(today) };
}

/** The API's `from` (start of the first day) and exclusive `to` (start of the day after the last). */
export function rangeToQuery(range: { from: string; to: string }): {
  from: string;
  to: string;
} {
  const [fy, fm, fd] = range.from.split('-').map(Number);
  const [ty, tm, td] = range.to.split('-').map(Number);
  return {
    from: new Date(fy, fm - 1, fd).toISOString(),
    to: new Date(ty, tm - 1, td + 1).toISOString(),
  };
}
