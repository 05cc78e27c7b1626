import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { isOpenAt, nextOpening } from '@parley/shared/domain';
import { DataSource } from 'typeorm';
import type { Inbox } from '../inboxes/inbox.entity';
import { InboxesService } from '../inboxes/inboxes.service';
import { appendMessage } from '../messages/append-message';
import { MESSAGE_CREATED, type MessageCreatedEvent } from '../messages/message.events';
import { MessagesService } from '../messages/messages.service';
import { ttlCache } from '../../core/cache/ttl-cache';

/** One automatic reply per conversation per closed period (a visitor writing five lines at night gets one). */
const QUIET_HOURS = 12;
const SETTINGS_TTL_MS = 10_000;

/**
 * Outside an inbox's business hours, a visitor's message gets one automatic reply saying when the team
 * is back (the inbox's own text, or the built-in one in the visitor's language). Agents see it in the thread.
 */
@Injectable()
export class AfterHoursService {
  private readonly logger = new Logger('AfterHours');
  /** Inbox settings, briefly cached: this runs for every visitor message (concurrent misses share one query). */
  private readonly settings = ttlCache<string, Inbox>({ max: 1_000, ttl: SETTINGS_TTL_MS, fetchMethod: (id) => this.inboxes.find(id) });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly inboxes: InboxesService,
    private readonly messages: MessagesService,
  ) {}

  @OnEvent(MESSAGE_CREATED, { async: true, suppressErrors: true })
  async onMessage({ message, inboxId }: MessageCreatedEvent): Promise<void> {
    if (message.messageType !== 'incoming' || message.senderType !== 'contact' || message.private) return;
    try {
      const inbox = (await this.settings.fetch(inboxId))!;
      const now = new Date();
      if (!inbox.afterHoursReplyEnabled || !inbox.businessHours || isOpenAt(inbox.businessHours, now)) return;
      const next = nextOpening(inbox.businessHours, now);
      const korean = /[\uAC00-\uD7A3]/.test(message.body);
      const body = (inbox.afterHoursReply ?? defaultReply(korean)).replace('{next}', formatOpening(next, inbox.businessHours.timezone, korean));
      const sent = await this.db.transaction(async (m) => {
        // The conversation row lock makes two messages arriving together produce one reply.
        // TypeORM answers an UPDATE with [rows, affected].
        const [, affected]: [unknown, number] = await m.query(
          `UPDATE conversations SET auto_replied_at = $2 WHERE id = $1 AND (auto_replied_at IS NULL OR auto_replied_at < $2::timestamptz - interval '${QUIET_HOURS} hours')`,
          [message.conversationId, now],
        );
        if (!affected) return null;
        return appendMessage(m, { conversationId: message.conversationId, messageType: 'template', senderType: 'bot', senderId: null, body });
      });
      if (sent) this.messages.announce(sent, inboxId);
    } catch (e) {
      this.logger.warn(`after-hours reply for ${message.conversationId} failed: ${(e as Error).message}`);
    }
  }
}

function defaultReply(korean: boolean): string {
  return korean
    ? '문의 감사합니다. 지금은 상담 시간이 아니에요. {next}에 담당자가 확인하고 답변드릴게요. 이메일이나 전화번호를 남겨주시면 그쪽으로도 알려드릴게요.'
    : "Thanks for your message. We're closed right now; someone will reply {next}. Leave your email or phone number and we'll answer there too.";
}

function formatOpening(next: Date | null, timezone: string, korean: boolean): string {
  if (!next) return korean ? '영업일' : 'on the next business day';
  const text = new Intl.DateTimeFormat(korean ? 'ko-KR' : 'en-US', { timeZone: timezone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(next);
  return korean ? text : `from ${text}`;
}
