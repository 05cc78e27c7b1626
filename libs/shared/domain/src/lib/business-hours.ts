/** Weekly opening hours in a time zone; a day missing from `days` is closed. Mirrors contracts' BusinessHours. */
export interface WeeklyHours {
  timezone: string;
  days: Partial<Record<Weekday, { open: string; close: string }>>;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Day of week and minutes since midnight of `at` in the zone. */
function localTime(at: Date, timezone: string): { day: Weekday; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { day: get('weekday').toLowerCase().slice(0, 3) as Weekday, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** No hours configured means always open. */
export function isOpenAt(hours: WeeklyHours | null | undefined, at: Date): boolean {
  if (!hours) return true;
  const { day, minutes } = localTime(at, hours.timezone);
  const today = hours.days[day];
  return !!today && minutes >= toMinutes(today.open) && minutes < toMinutes(today.close);
}

/** The next moment the inbox opens after `at` (minute precision), or null when it never opens. */
export function nextOpening(hours: WeeklyHours | null | undefined, at: Date): Date | null {
  if (!hours) return null;
  if (!Object.values(hours.days).some(Boolean)) return null;
  const { day, minutes } = localTime(at, hours.timezone);
  const start = WEEKDAYS.indexOf(day);
  for (let offset = 0; offset <= 7; offset++) {
    const d = WEEKDAYS[(start + offset) % 7];
    const slot = hours.days[d];
    if (!slot) continue;
    const open = toMinutes(slot.open);
    if (offset === 0 && open <= minutes) continue;
    const deltaMinutes = offset * 24 * 60 + open - minutes;
    const next = new Date(at.getTime() + deltaMinutes * 60_000);
    next.setUTCSeconds(0, 0);
    return next;
  }
  return null;
}
