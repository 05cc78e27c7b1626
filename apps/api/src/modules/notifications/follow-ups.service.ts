import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MessageDto } from '@parley/shared/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { JobsService, type JobContext } from '../../core/jobs/jobs.service';
import { renderFollowUpMail } from './mail-templates';
import { MailerService } from './mailer.service';
import { unsubscribeUrl, visitorConversationUrl } from './notification-links';
import { parseSmsTemplates, renderSms, SMS_PROVIDER, type SmsProvider } from './sms-provider';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

export const FOLLOW_UP_QUEUE = 'notify-follow-up';
/** Unread replies gathered into one follow-up at most. */
const REPLIES_MAX = 20;

interface FollowUpJob {
  messageId: string;
}

export type FollowUpOutcome = 'sent_email' | 'sent_sms' | 'read' | 'covered' | 'unsubscribed' | 'unreachable' | 'gone';

interface Target {
  seq: number;
  conversation_id: string;
  display_id: number;
  contact_last_read_seq: number;
  contact_id: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
  unsubscribed: boolean;
  followed_through: number | null;
  later_reply: boolean;
}

/**
 * Replies that reach a contact who left: each agent or bot reply schedules a delayed job (pg-boss
 * `startAfter`, so it survives restarts). When it runs, a reply the visitor has read by then (read
 * receipts: `contact_last_read_seq`), one a later reply will cover, or one already sent on is skipped;
 * otherwise the unread replies go out in one email (or an SMS when the contact left only a phone).
 */
@Injectable()
export class FollowUpsService {
  private readonly logger = new Logger('FollowUps');
  private queue?: Promise<void>;
  private readonly smsTemplates: Record<string, string>;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly mailer: MailerService,
    @InjectDataSource() private readonly db: DataSource,
    @Optional() @Inject(SMS_PROVIDER) private readonly sms: SmsProvider | null,
  ) {
    this.smsTemplates = parseSmsTemplates(config.env.SMS_TEMPLATES);
  }

  private get enabled(): boolean {
    return this.mailer.enabled || !!this.sms;
  }

  /** Creates the queue and, where workers run, takes jobs. Called by the module at boot. */
  async start(): Promise<void> {
    const concurrency = this.config.env.NOTIFY_WORKER_CONCURRENCY;
    if (!this.enabled) return;
    if (this.sms) this.logger.log(`follow-ups by SMS through the ${this.sms.name} provider when a contact has no email`);
    await this.ensureQueue();
    if (concurrency === 0) return;
    await this.jobs.work<FollowUpJob>(FOLLOW_UP_QUEUE, concurrency, (job) => this.run(job).then(() => undefined));
  }

  private ensureQueue(): Promise<void> {
    this.queue ??= this.jobs.createQueue(FOLLOW_UP_QUEUE, { retryLimit: 5, retryDelaySeconds: 60, expireInSeconds: 120 });
    return this.queue;
  }

  /** After a reply went out in the chat: look again once the visitor had time to read it. Never throws. */
  async schedule(message: MessageDto): Promise<void> {
    if (!this.enabled || !isReplyToVisitor(message)) return;
    try {
      await this.ensureQueue();
      await this.jobs.send<FollowUpJob>(FOLLOW_UP_QUEUE, { messageId: message.id }, { startAfterSeconds: this.config.env.FOLLOW_UP_DELAY_SECONDS });
    } catch (e) {
      this.logger.warn(`could not schedule the follow-up of message ${message.id}: ${(e as Error).message}`);
    }
  }

  async run(job: JobContext<FollowUpJob>): Promise<FollowUpOutcome> {
    const [t]: Target[] = await this.db.query(
      `SELECT m.seq, c.id AS conversation_id, c.display_id, c.contact_last_read_seq, ct.id AS contact_id, ct.email, ct.phone, ct.locale,
              ct.unsubscribed_at IS NOT NULL AS unsubscribed,
              (SELECT max(f.through_seq) FROM follow_ups f WHERE f.conversation_id = c.id) AS followed_through,
              EXISTS (SELECT 1 FROM messages l WHERE l.conversation_id = c.id AND l.seq > m.seq AND l.message_type = 'outgoing'
                        AND NOT l.private AND l.sender_type IN ('agent', 'bot')) AS later_reply
         FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN contacts ct ON ct.id = c.contact_id
        WHERE m.id = $1`,
      [job.data.messageId],
    );
    if (!t) return 'gone';
    if (t.contact_last_read_seq >= t.seq) return 'read';
    // A later reply's own job sends this one with it (unless the visitor reads both first).
    if (t.later_reply || (t.followed_through ?? 0) >= t.seq) return 'covered';
    if (t.unsubscribed) return 'unsubscribed';
    const provider = this.sms;
    const to = t.email && this.mailer.enabled ? { channel: 'email' as const, address: t.email } : t.phone && provider ? { channel: 'sms' as const, address: t.phone, provider } : null;
    if (!to) return 'unreachable';

    return this.db.transaction(async (m) => {
      // The row first: a duplicate job waits on it and then finds the reply covered.
      const inserted: unknown[] = await m.query(
        `INSERT INTO follow_ups (message_id, conversation_id, through_seq, channel, recipient) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING message_id`,
        [job.data.messageId, t.conversation_id, t.seq, to.channel, to.address],
      );
      if (!inserted.length) return 'covered';
      const link = visitorConversationUrl(this.config, t.conversation_id);
      const business = this.config.env.PARLEY_BUSINESS_NAME;
      if (to.channel === 'sms') {
        const sms = renderSms(this.smsTemplates, t.locale, { business, displayId: String(t.display_id), link });
        await to.provider.send({ to: to.address, ...sms });
        return 'sent_sms';
      }
      const replies: { body: string; sender_type: string; agent_name: string | null }[] = await m.query(
        `SELECT m.body, m.sender_type, a.name AS agent_name FROM messages m LEFT JOIN agents a ON a.id = m.sender_id AND m.sender_type = 'agent'
          WHERE m.conversation_id = $1 AND m.seq > GREATEST($2::int, $3::int) AND m.seq <= $4 AND m.message_type = 'outgoing'
            AND NOT m.private AND m.sender_type IN ('agent', 'bot')
          ORDER BY m.seq DESC LIMIT ${REPLIES_MAX}`,
        [t.conversation_id, t.contact_last_read_seq, t.followed_through ?? 0, t.seq],
      );
      const unsubscribe = this.unsubscribeUrl(t.contact_id);
      const mail = renderFollowUpMail({
        locale: t.locale,
        business,
        displayId: t.display_id,
        replies: replies.reverse().map((r) => ({ senderName: r.agent_name ?? business, body: r.body })),
        conversationUrl: link,
        unsubscribeUrl: unsubscribe,
      });
      await this.mailer.send({ to: to.address, ...mail, headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } });
      return 'sent_email';
    });
  }

  unsubscribeUrl(contactId: string): string {
    return unsubscribeUrl(this.config, signUnsubscribeToken(this.config.jwtSecret, contactId));
  }

  /** Marks the token's contact unsubscribed (once; later clicks change nothing). False for a bad token. */
  async unsubscribe(token: string): Promise<boolean> {
    const contactId = verifyUnsubscribeToken(this.config.jwtSecret, token);
    if (!contactId) return false;
    await this.db.query(`UPDATE contacts SET unsubscribed_at = COALESCE(unsubscribed_at, now()) WHERE id = $1`, [contactId]);
    return true;
  }
}

/** A reply the visitor can see, by a person or by auto-sent AI. */
export function isReplyToVisitor(m: Pick<MessageDto, 'messageType' | 'private' | 'senderType'>): boolean {
  return m.messageType === 'outgoing' && !m.private && (m.senderType === 'agent' || m.senderType === 'bot');
}
