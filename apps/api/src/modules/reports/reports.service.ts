import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportsOverviewDto } from '@parley/shared/contracts';
import { DataSource } from 'typeorm';
import type { AuthAgent } from '../../core/auth/decorators';
import { AppException } from '../../core/errors/app.exception';
import { InboxesService } from '../inboxes/inboxes.service';
import type { ReportsQueryDto } from './reports.dto';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 366;

/** The owner's dashboard: volumes, first response, what agents did with AI drafts, busiest hours. Days and hours in UTC. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly inboxes: InboxesService,
  ) {}

  async overview(agent: AuthAgent, query: ReportsQueryDto): Promise<ReportsOverviewDto> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
    if (from >= to) throw new AppException('validation_failed', '`from` must be before `to`', [{ field: 'from', errors: ['after to'] }]);
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw new AppException('validation_failed', `At most ${MAX_RANGE_DAYS} days at a time`, [{ field: 'from', errors: ['range too long'] }]);

    // $1 from, $2 to, $3 visible inboxes (null = all), $4 one inbox (null = all)
    const visible = await this.inboxes.visibleInboxIds(agent);
    const params = [from, to, visible, query.inboxId ?? null];
    const scope = `($3::uuid[] IS NULL OR c.inbox_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR c.inbox_id = $4::uuid)`;
    const q = <T>(sql: string): Promise<T[]> => this.db.query(sql, params);

    const [totals, perDay, firstResponse, outcomes, bands, hours, triage] = await Promise.all([
      q<{ conversations: number; incoming: number; resolved: number }>(
        `SELECT (SELECT count(*)::int FROM conversations c WHERE c.created_at >= $1 AND c.created_at < $2 AND ${scope}) AS conversations,
                (SELECT count(*)::int FROM messages m JOIN conversations c ON c.id = m.conversation_id
                  WHERE m.message_type = 'incoming' AND NOT m.private AND m.created_at >= $1 AND m.created_at < $2 AND ${scope}) AS incoming,
                (SELECT count(*)::int FROM conversations c WHERE c.status = 'resolved' AND c.updated_at >= $1 AND c.updated_at < $2 AND ${scope}) AS resolved`,
      ),
      q<{ day: string; category: string; n: number }>(
        `SELECT to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, coalesce(c.category, 'uncategorized') AS category, count(*)::int AS n
           FROM conversations c WHERE c.created_at >= $1 AND c.created_at < $2 AND ${scope} GROUP BY 1, 2 ORDER BY 1`,
      ),
      q<{ median: number | null; p90: number | null; answered: number }>(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes) AS p90, count(*)::int AS answered
           FROM (SELECT extract(epoch FROM c.first_responded_at - c.created_at) / 60 AS minutes FROM conversations c
                  WHERE c.first_responded_at IS NOT NULL AND c.created_at >= $1 AND c.created_at < $2 AND ${scope}) r`,
      ),
      q<{ status: string; n: number }>(
        `SELECT d.status, count(*)::int AS n FROM reply_drafts d JOIN conversations c ON c.id = d.conversation_id
          WHERE d.created_at >= $1 AND d.created_at < $2 AND ${scope} GROUP BY 1`,
      ),
      q<{ band: number; status: string; n: number }>(
        `SELECT least(floor(d.confidence * 10), 9)::int AS band, d.status, count(*)::int AS n FROM reply_drafts d JOIN conversations c ON c.id = d.conversation_id
          WHERE d.created_at >= $1 AND d.created_at < $2 AND d.status IN ('approved', 'edited', 'rejected', 'auto_sent') AND ${scope} GROUP BY 1, 2`,
      ),
      q<{ hour: number; n: number }>(
        `SELECT extract(hour FROM m.created_at AT TIME ZONE 'UTC')::int AS hour, count(*)::int AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id
          WHERE m.message_type = 'incoming' AND NOT m.private AND m.created_at >= $1 AND m.created_at < $2 AND ${scope} GROUP BY 1`,
      ),
      q<{ total: number; corrected: number; fallbacks: number }>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE t.corrected_category IS NOT NULL)::int AS corrected, count(*) FILTER (WHERE t.fallback_error IS NOT NULL)::int AS fallbacks
           FROM triage_results t JOIN conversations c ON c.id = t.conversation_id WHERE t.created_at >= $1 AND t.created_at < $2 AND ${scope}`,
      ),
    ]);

    const days = new Map<string, Record<string, number>>();
    for (let t = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()); t < to.getTime(); t += DAY_MS) days.set(new Date(t).toISOString().slice(0, 10), {});
    for (const r of perDay) days.set(r.day, { ...(days.get(r.day) ?? {}), [r.category]: r.n });
    const outcome = (s: string) => outcomes.find((o) => o.status === s)?.n ?? 0;
    const round = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

    return {
      range: { from: from.toISOString(), to: to.toISOString() },
      totals: { conversations: totals[0].conversations, incomingMessages: totals[0].incoming, resolved: totals[0].resolved },
      conversationsPerDay: [...days].map(([date, byCategory]) => ({ date, byCategory })),
      firstResponse: { medianMinutes: round(firstResponse[0].median), p90Minutes: round(firstResponse[0].p90), answered: firstResponse[0].answered },
      draftOutcomes: {
        proposed: outcome('proposed'),
        approved: outcome('approved'),
        edited: outcome('edited'),
        rejected: outcome('rejected'),
        autoSent: outcome('auto_sent'),
        superseded: outcome('superseded'),
        failed: outcome('failed'),
      },
      confidenceVsOutcome: Array.from({ length: 10 }, (_, band) => {
        const n = (s: string) => bands.find((b) => b.band === band && b.status === s)?.n ?? 0;
        return { band: `${(band / 10).toFixed(1)}–${((band + 1) / 10).toFixed(1)}`, approved: n('approved'), edited: n('edited'), rejected: n('rejected'), autoSent: n('auto_sent') };
      }),
      busiestHours: Array.from({ length: 24 }, (_, hour) => ({ hour, messages: hours.find((h) => h.hour === hour)?.n ?? 0 })),
      triage: triage[0],
    };
  }
}
