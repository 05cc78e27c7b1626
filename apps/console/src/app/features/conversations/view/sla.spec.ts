import { formatDuration, slaStatus } from './sla';

describe('first-response SLA', () => {
  const created = '2026-11-20T10:00:00.000Z';
  const due = '2026-11-20T10:15:00.000Z';
  const at = (hhmmss: string) => Date.parse(`2026-11-20T${hhmmss}.000Z`);

  it('counts down to the deadline, flagging the last quarter of an hour', () => {
    expect(
      slaStatus({ createdAt: created, firstResponseDueAt: '2026-11-20T14:00:00.000Z', firstRespondedAt: null }, at('10:00:00')),
    ).toEqual({
      kind: 'due',
      remainingMs: 4 * 3600_000,
      soon: false,
    });
    expect(slaStatus({ createdAt: created, firstResponseDueAt: due, firstRespondedAt: null }, at('10:05:00'))).toEqual({
      kind: 'due',
      remainingMs: 600_000,
      soon: true,
    });
  });

  it('is overdue once the deadline passed without a reply', () => {
    expect(slaStatus({ createdAt: created, firstResponseDueAt: due, firstRespondedAt: null }, at('10:20:30'))).toEqual({
      kind: 'overdue',
      overdueMs: 330_000,
    });
  });

  it('stops counting at the first reply: met in time, or missed by how much', () => {
    expect(
      slaStatus({ createdAt: created, firstResponseDueAt: due, firstRespondedAt: '2026-11-20T10:03:00.000Z' }, at('12:00:00')),
    ).toEqual({ kind: 'met', tookMs: 180_000 });
    expect(
      slaStatus({ createdAt: created, firstResponseDueAt: due, firstRespondedAt: '2026-11-20T10:16:00.000Z' }, at('12:00:00')),
    ).toEqual({ kind: 'missed', lateMs: 60_000 });
  });

  it('has nothing to show without a deadline', () => {
    expect(slaStatus({ createdAt: created, firstResponseDueAt: null, firstRespondedAt: null }, at('10:00:00'))).toEqual({ kind: 'none' });
  });

  it('formats durations as a clock', () => {
    expect(formatDuration(42_000)).toBe('0:42');
    expect(formatDuration(12 * 60_000 + 9_000)).toBe('12:09');
    expect(formatDuration(3600_000 + 5 * 60_000 + 9_000)).toBe('1:05:09');
    expect(formatDuration(-5)).toBe('0:00');
  });
});
