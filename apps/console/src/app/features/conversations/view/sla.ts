import type { ConversationDto } from '@parley/shared/contracts';

/** First-response SLA of a conversation at `now`. */
export type SlaStatus =
  | { kind: 'none' }
  | { kind: 'due'; remainingMs: number; /** Under a quarter of an hour left. */ soon: boolean }
  | { kind: 'overdue'; overdueMs: number }
  | { kind: 'met'; tookMs: number }
  | { kind: 'missed'; lateMs: number };

const SOON_MS = 15 * 60_000;

export function slaStatus(c: Pick<ConversationDto, 'firstResponseDueAt' | 'firstRespondedAt' | 'createdAt'>, now: number): SlaStatus {
  if (!c.firstResponseDueAt) return { kind: 'none' };
  const due = Date.parse(c.firstResponseDueAt);
  if (c.firstRespondedAt) {
    const answered = Date.parse(c.firstRespondedAt);
    return answered <= due
      ? { kind: 'met', tookMs: Math.max(0, answered - Date.parse(c.createdAt)) }
      : { kind: 'missed', lateMs: answered - due };
  }
  const remaining = due - now;
  return remaining >= 0 ? { kind: 'due', remainingMs: remaining, soon: remaining < SOON_MS } : { kind: 'overdue', overdueMs: -remaining };
}

/** `1:05:09`, `12:09`, `0:42`: a countdown that reads the same in every language. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
