/** GET /reports/overview?from&to&inboxId: the owner's dashboard (dates are ISO; days and hours in the server's time zone, UTC). */
export interface ReportsQuery {
  from?: string;
  to?: string;
  inboxId?: string;
}

export interface ReportsOverviewDto {
  range: { from: string; to: string };
  totals: { conversations: number; incomingMessages: number; resolved: number };
  /** Conversations opened per day, split by triage category (key → count). */
  conversationsPerDay: { date: string; byCategory: Record<string, number> }[];
  /** Minutes from the conversation's start to the first reply (null when nothing was answered). */
  firstResponse: { medianMinutes: number | null; p90Minutes: number | null; answered: number };
  /** Drafts by outcome in the range. */
  draftOutcomes: { proposed: number; approved: number; edited: number; rejected: number; autoSent: number; superseded: number; failed: number };
  /** AI draft confidence (0.1-wide bands) against what agents did with the draft. */
  confidenceVsOutcome: { band: string; approved: number; edited: number; rejected: number; autoSent: number }[];
  /** Incoming messages by hour of day (0-23). */
  busiestHours: { hour: number; messages: number }[];
  triage: { total: number; corrected: number; fallbacks: number };
}
