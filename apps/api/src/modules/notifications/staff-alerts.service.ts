import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NOTIFICATION_EMAIL_DEFAULTS, type NotificationAlertType } from '@parley/shared/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { JobsService, type JobContext } from '../../core/jobs/jobs.service';
import { renderAlertMail, type AlertItem } from './mail-templates';
import { MailerService } from './mailer.service';
import { consoleConversationUrl, publicBaseUrl } from './notification-links';

export const ALERT_MAIL_QUEUE = 'notify-alert-mail';
/** A claimed send job that never ran (its enqueue failed, or every retry did) is given up after this. */
const STALE_CLAIM = `interval '1 hour'`;

export interface StaffAlert {
  type: NotificationAlertType;
  /** Its agents (and every admin) hear about it; null = admins only. */
  inboxId: string | null;
  /** Only these agents instead (e.g. an assignee); their preference for `type` still decides. */
  agentIds?: string[];
  conversationId: string | null;
  /** Built from ids and admin-set names only: it becomes a subject line. */
  title: string;
  url: string;
}

interface AlertMailJob {
  agentId: string;
}

/**
 * Staff alerts by email, without floods. An alert becomes one pending row per recipient; each agent has
 * a mail window: the first alert after a quiet period is mailed at once, the ones that follow wait for
 * the end of the window and go out together as one digest. At most one send job per agent is scheduled
 * at a time (`notification_mail_windows.flush_at`), so a burst costs rows, not jobs or emails.
 */
@Injectable()
export class StaffAlertsService implements OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private queue?: Promise<void>;
  private slaTimer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly mailer: MailerService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Alerts are emailed only with SMTP_URL set. */
  get enabled(): boolean {
    return this.mailer.enabled;
  }

  private get windowSeconds(): number {
    return this.config.env.NOTIFY_DIGEST_WINDOW_SECONDS;
  }

  /** Creates the queue and, where workers run, takes jobs and checks SLA deadlines. Called by the module at boot. */
  async start(): Promise<void> {
    const concurrency = this.config.env.NOTIFY_WORKER_CONCURRENCY;
    if (!this.mailer.enabled) return;
    await this.ensureQueue();
    if (concurrency === 0) return;
    await this.jobs.work<AlertMailJob>(ALERT_MAIL_QUEUE, concurrency, (job) => this.sendPending(job));
    const every = this.config.env.NOTIFY_SLA_CHECK_SECONDS * 1000;
    this.slaTimer = setInterval(() => void this.checkSla().catch((e: Error) => this.logger.warn(`SLA check failed: ${e.message}`)), every).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.slaTimer);
  }

  private ensureQueue(): Promise<void> {
    this.queue ??= this.jobs.createQueue(ALERT_MAIL_QUEUE, { retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 120 });
    return this.queue;
  }

  /** Queues `alert` for every agent who should hear about it by email. Never throws. */
  async raise(alert: StaffAlert): Promise<void> {
    if (!this.mailer.enabled) return;
    try {
      const recipients = await this.recipients(alert.type, alert.inboxId, alert.agentIds);
      if (!recipients.length) return;
      await this.db.query(
        `INSERT INTO pending_notifications (agent_id, alert_type, conversation_id, title, url) SELECT unnest($1::uuid[]), $2::varchar, $3::uuid, $4::varchar, $5::varchar`,
        [recipients, alert.type, alert.conversationId, alert.title.slice(0, 300), alert.url],
      );
      await this.schedule(recipients);
    } catch (e) {
      this.logger.warn(`could not queue the ${alert.type} alert: ${(e as Error).message}`);
    }
  }

  /** Enabled agents of the inbox (admins see every inbox), or the given agents, whose preference for `type` is on. */
  async recipients(type: NotificationAlertType, inboxId: string | null, agentIds?: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT a.id FROM agents a LEFT JOIN notification_preferences p ON p.agent_id = a.id
        WHERE NOT a.disabled
          AND CASE WHEN $4::uuid[] IS NOT NULL THEN a.id = ANY($4::uuid[])
                   ELSE a.role = 'admin' OR ($2::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM inbox_members m WHERE m.inbox_id = $2 AND m.agent_id = a.id)) END
          AND COALESCE((p.email ->> $1::text)::boolean, $3)`,
      [type, inboxId, NOTIFICATION_EMAIL_DEFAULTS[type], agentIds ?? null],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Claims a send job for each agent without one: now when their window is over, else at its end.
   * An agent whose job is already scheduled is skipped: that job will take the new rows too.
   */
  private async schedule(agentIds: string[]): Promise<void> {
    const claimed: { agent_id: string; wait: number }[] = await this.db.query(
      `INSERT INTO notification_mail_windows AS w (agent_id, flush_at) SELECT unnest($1::uuid[]), now()
       ON CONFLICT (agent_id) DO UPDATE SET flush_at = GREATEST(now(), COALESCE(w.last_sent_at + make_interval(secs => $2), now()))
         WHERE w.flush_at IS NULL OR w.flush_at < now() - ${STALE_CLAIM}
       RETURNING agent_id, GREATEST(0, EXTRACT(EPOCH FROM (flush_at - now())))::float8 AS wait`,
      [agentIds, this.windowSeconds],
    );
    for (const c of claimed) await this.enqueue(c.agent_id, c.wait);
  }

  private async enqueue(agentId: string, waitSeconds: number): Promise<void> {
    try {
      await this.ensureQueue();
      await this.jobs.send<AlertMailJob>(ALERT_MAIL_QUEUE, { agentId }, { startAfterSeconds: waitSeconds > 0 ? Math.ceil(waitSeconds) : undefined });
    } catch (e) {
      // Unclaim, so the next alert tries again instead of waiting for the stale claim to lapse.
      await this.db.query(`UPDATE notification_mail_windows SET flush_at = NULL WHERE agent_id = $1`, [agentId]).catch(() => undefined);
      throw e;
    }
  }

  /**
   * The send job: under the agent's window row lock, mails what is pending (one alert, or a digest)
   * and opens a new window. A failed send rolls back (the rows stay) and the queue retries.
   */
  async sendPending(job: JobContext<AlertMailJob>): Promise<void> {
    const { agentId } = job.data;
    const rescheduleIn = await this.db.transaction(async (m) => {
      const [w]: { last_sent_at: Date | null; early: number }[] = await m.query(
        `SELECT last_sent_at, EXTRACT(EPOCH FROM (last_sent_at + make_interval(secs => $2) - now()))::float8 AS early
           FROM notification_mail_windows WHERE agent_id = $1 FOR UPDATE`,
        [agentId, this.windowSeconds],
      );
      if (!w) return 0;
      // Woken before the window ended (clock skew between processes): keep the claim, come back.
      if (w.early !== null && w.early > 1) return w.early;
      const [agent]: { email: string; name: string; disabled: boolean }[] = await m.query(`SELECT email, name, disabled FROM agents WHERE id = $1`, [agentId]);
      const items: AlertItem[] = await m.query(
        // Through a CTE: a bare DELETE … RETURNING comes back from TypeORM as [rows, count].
        `WITH taken AS (DELETE FROM pending_notifications WHERE agent_id = $1 RETURNING alert_type, title, url, created_at)
         SELECT alert_type AS "alertType", title, url, created_at FROM taken ORDER BY created_at`,
        [agentId],
      );
      const send = items.length > 0 && agent && !agent.disabled;
      if (send) {
        const mail = renderAlertMail(items, { agentName: agent.name, preferencesUrl: `${publicBaseUrl(this.config)}/settings`, windowMinutes: Math.max(1, Math.round(this.windowSeconds / 60)) });
        await this.mailer.send({ to: agent.email, ...mail });
      }
      await m.query(`UPDATE notification_mail_windows SET flush_at = NULL${send ? ', last_sent_at = now()' : ''} WHERE agent_id = $1`, [agentId]);
      return 0;
    });
    if (rescheduleIn > 0) await this.jobs.send<AlertMailJob>(ALERT_MAIL_QUEUE, { agentId }, { startAfterSeconds: Math.ceil(rescheduleIn) });
  }

  /**
   * Conversations whose first-response deadline passes within NOTIFY_SLA_WARNING_MINUTES and that nobody
   * answered yet: alerted once each (the insert decides, across processes). Deadlines more than a day
   * old are left alone, so turning the feature on does not announce history.
   */
  async checkSla(): Promise<number> {
    const due: { id: string; display_id: number; inbox_id: string; inbox_name: string; minutes: number }[] = await this.db.query(
      `WITH warned AS (
         INSERT INTO sla_warnings (conversation_id)
         SELECT c.id FROM conversations c
          WHERE c.first_responded_at IS NULL AND c.first_response_due_at IS NOT NULL
            AND c.first_response_due_at <= now() + make_interval(mins => $1)
            AND c.first_response_due_at > now() - interval '1 day'
            AND c.status <> 'resolved'
         ON CONFLICT DO NOTHING
         RETURNING conversation_id)
       SELECT c.id, c.display_id, c.inbox_id, i.name AS inbox_name, CEIL(EXTRACT(EPOCH FROM (c.first_response_due_at - now())) / 60)::int AS minutes
         FROM warned JOIN conversations c ON c.id = warned.conversation_id JOIN inboxes i ON i.id = c.inbox_id`,
      [this.config.env.NOTIFY_SLA_WARNING_MINUTES],
    );
    for (const c of due) {
      const when = c.minutes > 0 ? `in ${c.minutes} min` : 'now';
      await this.raise({ type: 'sla_warning', inboxId: c.inbox_id, conversationId: c.id, title: `First reply due ${when}: #${c.display_id} in ${c.inbox_name}`, url: consoleConversationUrl(this.config, c.id) });
    }
    return due.length;
  }
}
