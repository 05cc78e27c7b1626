import type { ReportsOverviewDto } from '@parley/shared/contracts';
import {
  OUTCOME_COLORS,
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
import { chartConfig } from './bar-chart';

function aReport(
  overrides: Partial<ReportsOverviewDto> = {},
): ReportsOverviewDto {
  return {
    range: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-04T00:00:00.000Z' },
    totals: { conversations: 9, incomingMessages: 20, resolved: 4 },
    conversationsPerDay: [
      { date: '2026-11-01', byCategory: { shipping: 2, order: 1 } },
      { date: '2026-11-02', byCategory: {} },
      { date: '2026-11-03', byCategory: { shipping: 3, payment: 3 } },
    ],
    firstResponse: { medianMinutes: 4.2, p90Minutes: 75, answered: 8 },
    draftOutcomes: {
      proposed: 2,
      approved: 6,
      edited: 3,
      rejected: 1,
      autoSent: 2,
      superseded: 1,
      failed: 0,
    },
    confidenceVsOutcome: [
      { band: '0.9-1.0', approved: 4, edited: 0, rejected: 0, autoSent: 2 },
      { band: '0.5-0.6', approved: 0, edited: 2, rejected: 1, autoSent: 0 },
    ],
    busiestHours: [
      { hour: 14, messages: 7 },
      { hour: 9, messages: 7 },
      { hour: 20, messages: 2 },
    ],
    triage: { total: 20, corrected: 1, fallbacks: 0 },
    ...overrides,
  };
}

const label = (key: string) => `«${key}»`;

describe('conversations per day', () => {
  it('makes one stacked series per category, busiest first, with 0 on days without it', () => {
    const model = perDayModel(aReport(), label);
    expect(model.stacked).toBe(true);
    expect(model.labels).toEqual(['11-01', '11-02', '11-03']);
    expect(model.tableLabels).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    expect(model.series.map((s) => [s.label, s.data])).toEqual([
      ['«shipping»', [2, 0, 3]],
      ['«payment»', [0, 0, 3]],
      ['«order»', [1, 0, 0]],
    ]);
    expect(new Set(model.series.map((s) => s.color)).size).toBe(3);
  });

  it('is empty when nothing happened', () => {
    const model = perDayModel(
      aReport({
        conversationsPerDay: [{ date: '2026-11-01', byCategory: {} }],
      }),
      label,
    );
    expect(model.series).toEqual([]);
    expect(isEmpty(model)).toBe(true);
  });
});

describe('draft outcome rates', () => {
  it('are shares of the decided drafts; waiting, superseded and failed are left out', () => {
    const { decided, rates } = outcomeRates(aReport());
    expect(decided).toBe(12);
    expect(rates).toEqual([
      { outcome: 'approved', count: 6, rate: 50 },
      { outcome: 'edited', count: 3, rate: 25 },
      { outcome: 'rejected', count: 1, rate: 8.3 },
      { outcome: 'autoSent', count: 2, rate: 16.7 },
    ]);
    expect(outcomeRatesModel(aReport(), (o) => o)).toMatchObject({
      percent: true,
      labels: ['approved', 'edited', 'rejected', 'autoSent'],
    });
  });

  it('are all 0 (not NaN) when no draft was decided', () => {
    const report = aReport({
      draftOutcomes: {
        proposed: 3,
        approved: 0,
        edited: 0,
        rejected: 0,
        autoSent: 0,
        superseded: 0,
        failed: 1,
      },
    });
    expect(outcomeRates(report).rates.map((r) => r.rate)).toEqual([0, 0, 0, 0]);
  });
});

describe('confidence against outcome', () => {
  it('orders bands from low to high and stacks one series per outcome', () => {
    const model = confidenceModel(aReport(), (o) => o);
    expect(model.labels).toEqual(['0.5-0.6', '0.9-1.0']);
    expect(model.series.map((s) => [s.label, s.data, s.color])).toEqual([
      ['approved', [0, 4], OUTCOME_COLORS.approved],
      ['edited', [2, 0], OUTCOME_COLORS.edited],
      ['rejected', [1, 0], OUTCOME_COLORS.rejected],
      ['autoSent', [0, 2], OUTCOME_COLORS.autoSent],
    ]);
  });
});

describe('busiest hours', () => {
  it('fills all 24 hours and names the busiest (ties by hour)', () => {
    const model = hoursModel(aReport(), 'Messages');
    expect(model.labels).toHaveLength(24);
    expect(model.labels[9]).toBe('09:00');
    expect(model.series[0].data[14]).toBe(7);
    expect(model.series[0].data[0]).toBe(0);
    expect(busiestHours(aReport())).toEqual([9, 14, 20]);
    expect(busiestHours(aReport({ busiestHours: [] }))).toEqual([]);
  });
});

describe('chart.js configuration', () => {
  it('stacks both axes for stacked models and caps percentages at 100', () => {
    const stacked = chartConfig(perDayModel(aReport(), label));
    expect(stacked.type).toBe('bar');
    expect(stacked.data.datasets).toHaveLength(3);
    expect(stacked.options?.scales?.['x']).toMatchObject({ stacked: true });
    expect(stacked.options?.scales?.['y']).toMatchObject({
      stacked: true,
      beginAtZero: true,
    });
    expect(stacked.options?.animation).toBe(false);

    const rates = chartConfig(
      outcomeRatesModel(aReport(), (o) => o),
      true,
    );
    expect(rates.options?.indexAxis).toBe('y');
    expect(rates.options?.scales?.['x']).toMatchObject({ max: 100 });
    expect(rates.options?.plugins?.legend?.display).toBe(false);
  });
});

describe('dates and durations', () => {
  it('the last N days end today, and the query end is exclusive', () => {
    expect(lastDays(7, new Date(2026, 10, 21))).toEqual({
      from: '2026-11-15',
      to: '2026-11-21',
    });
    expect(rangeToQuery({ from: '2026-11-15', to: '2026-11-21' })).toEqual({
      from: new Date(2026, 10, 15).toISOString(),
      to: new Date(2026, 10, 22).toISOString(),
    });
  });

  it('splits minutes into seconds, minutes or hours and minutes', () => {
    expect(splitMinutes(0.5)).toMatchObject({ unit: 'seconds', s: 30 });
    expect(splitMinutes(4.2)).toMatchObject({ unit: 'minutes', m: 4 });
    expect(splitMinutes(75)).toMatchObject({ unit: 'hours', h: 1, m: 15 });
  });
});
