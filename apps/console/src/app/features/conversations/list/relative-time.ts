const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "now", "5 min. ago", "3 hr. ago" / "5분 전" for the last week, then a short date. */
export function relativeTime(iso: string, now: number, locale: string): string {
  const at = Date.parse(iso);
  const elapsed = Math.max(0, now - at);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'narrow' });
  if (elapsed < MINUTE) return rtf.format(0, 'second');
  if (elapsed < HOUR) return rtf.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return rtf.format(-Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < 7 * DAY) return rtf.format(-Math.floor(elapsed / DAY), 'day');
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(at);
}
