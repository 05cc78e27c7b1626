import { isOpenAt, nextOpening, type WeeklyHours } from './business-hours';

const seoul: WeeklyHours = { timezone: 'Asia/Seoul', days: { mon: { open: '10:00', close: '19:00' }, fri: { open: '10:00', close: '19:00' } } };

describe('business hours', () => {
  it('is open inside the local hours of the zone and closed outside', () => {
    // Monday 2026-11-23 10:30 KST = 01:30 UTC
    expect(isOpenAt(seoul, new Date('2026-11-23T01:30:00Z'))).toBe(true);
    // Monday 09:59 KST
    expect(isOpenAt(seoul, new Date('2026-11-23T00:59:00Z'))).toBe(false);
    // Monday 19:00 KST is closing time
    expect(isOpenAt(seoul, new Date('2026-11-23T10:00:00Z'))).toBe(false);
    // Tuesday is closed all day
    expect(isOpenAt(seoul, new Date('2026-11-24T03:00:00Z'))).toBe(false);
  });

  it('treats no configuration as always open', () => {
    expect(isOpenAt(null, new Date())).toBe(true);
    expect(nextOpening(null, new Date())).toBeNull();
  });

  it('finds the next opening, later today or days ahead', () => {
    // Monday 08:00 KST → Monday 10:00 KST
    expect(nextOpening(seoul, new Date('2026-11-22T23:00:00Z'))?.toISOString()).toBe('2026-11-23T01:00:00.000Z');
    // Monday 20:00 KST → Friday 10:00 KST
    expect(nextOpening(seoul, new Date('2026-11-23T11:00:00Z'))?.toISOString()).toBe('2026-11-27T01:00:00.000Z');
  });
});
