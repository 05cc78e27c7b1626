import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContactCapturedEvent } from '@parley/shared/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { CONTACT_CAPTURED, CONVERSATION_CREATED, MESSAGE_CREATED, type ConversationChangedEvent, type MessageCreatedEvent } from '../messages/message.events';
import { QUOTE_REQUEST_CREATED, QUOTE_REQUEST_UPDATED, type QuoteRequestChangedEvent } from '../quotes/quote-request.events';
import { quoteNumber } from '../quotes/quote-texts';
import { FollowUpsService } from './follow-ups.service';
import { consoleConversationUrl, consoleQuoteRequestUrl, publicBaseUrl } from './notification-links';
import { StaffAlertsService } from './staff-alerts.service';

/**
 * Domain events (emitted after their transaction commits) to staff alerts and customer follow-ups.
 * Titles are built from numbers and admin-set inbox names, never from customer text: they become subjects.
 */
@Injectable()
export class NotificationEventsListener {
  constructor(
    private readonly config: AppConfig,
    private readonly alerts: StaffAlertsService,
    private readonly followUps: FollowUpsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @OnEvent(CONVERSATION_CREATED, { async: true, suppressErrors: true })
  async onConversationCreated({ conversation }: ConversationChangedEvent): Promise<void> {
    if (!this.alerts.enabled) return;
    const inbox = await this.inboxName(conversation.inboxId);
    await this.alerts.raise({
      type: 'conversation_created',
      inboxId: conversation.inboxId,
      conversationId: conversation.id,
      title: `New conversation #${conversation.displayId} in ${inbox}`,
      url: consoleConversationUrl(this.config, conversation.id),
    });
  }

  @OnEvent(CONTACT_CAPTURED, { async: true, suppressErrors: true })
  async onContactCaptured(event: ContactCapturedEvent): Promise<void> {
    if (!this.alerts.enabled) return;
    const inbox = await this.inboxName(event.inboxId);
    const [conv]: { display_id: number }[] = event.conversationId ? await this.db.query(`SELECT display_id FROM conversations WHERE id = $1`, [event.conversationId]) : [];
    await this.alerts.raise({
      type: 'contact_captured',
      inboxId: event.inboxId,
      conversationId: event.conversationId,
      title: `Contact details left${conv ? ` in #${conv.display_id}` : ''} (${inbox})`,
      url: event.conversationId ? consoleConversationUrl(this.config, event.conversationId) : `${publicBaseUrl(this.config)}/conversations`,
    });
  }

  @OnEvent(MESSAGE_CREATED, { async: true, suppressErrors: true })
  async onMessage({ message, inboxId }: MessageCreatedEvent): Promise<void> {
    if (message.messageType === 'incoming' && message.senderType === 'contact' && !message.private) {
      await this.unassignedMessage(message.conversationId, message.seq, inboxId);
      return;
    }
    await this.followUps.schedule(message);
  }

  @OnEvent(QUOTE_REQUEST_CREATED, { async: true, suppressErrors: true })
  async onQuoteRequest({ quoteRequest: q }: QuoteRequestChangedEvent): Promise<void> {
    if (!this.alerts.enabled) return;
    const inbox = q.inboxId ? await this.inboxName(q.inboxId) : 'no inbox';
    const what = q.source === 'ai_proposal' ? 'Quote request proposed by AI' : 'New quote request';
    await this.alerts.raise({
      type: 'quote_request_created',
      inboxId: q.inboxId,
      conversationId: q.conversationId,
      title: `${what} ${quoteNumber(q.displayId)} (${inbox})`,
      url: consoleQuoteRequestUrl(this.config, q.id),
    });
  }

  /** A customer accepted or declined through the signed link: the assignee hears it, or the admins when nobody owns it. */
  @OnEvent(QUOTE_REQUEST_UPDATED, { async: true, suppressErrors: true })
  async onQuoteAnswered({ quoteRequest: q, changes }: QuoteRequestChangedEvent): Promise<void> {
    const to = (changes?.['status'] as { to?: string } | undefined)?.to;
    if (!this.alerts.enabled || (to !== 'accepted' && to !== 'declined') || q.history[q.history.length - 1]?.actor !== 'customer') return;
    await this.alerts.raise({
      type: 'quote_request_answered',
      inboxId: null,
      ...(q.assigneeId && { agentIds: [q.assigneeId] }),
      conversationId: q.conversationId,
      title: `Quote ${quoteNumber(q.displayId)} ${to} by the customer`,
      url: consoleQuoteRequestUrl(this.config, q.id),
    });
  }

  /** A visitor wrote in a conversation nobody owns. The opening message is left to the new-conversation alert. */
  private async unassignedMessage(conversationId: string, seq: number, inboxId: string): Promise<void> {
    if (!this.alerts.enabled) return;
    const [c]: { display_id: number; assignee_id: string | null; inbox_name: string; opening: boolean }[] = await this.db.query(
      `SELECT c.display_id, c.assignee_id, i.name AS inbox_name,
              NOT EXISTS (SELECT 1 FROM messages e WHERE e.conversation_id = c.id AND e.seq < $2 AND e.message_type = 'incoming') AS opening
         FROM conversations c JOIN inboxes i ON i.id = c.inbox_id WHERE c.id = $1`,
      [conversationId, seq],
    );
    if (!c || c.assignee_id || c.opening) return;
    await this.alerts.raise({
      type: 'unassigned_message',
      inboxId,
      conversationId,
      title: `New message in unassigned conversation #${c.display_id} (${c.inbox_name})`,
      url: consoleConversationUrl(this.config, conversationId),
    });
  }

  private async inboxName(inboxId: string): Promise<string> {
    const [row]: { name: string }[] = await this.db.query(`SELECT name FROM inboxes WHERE id = $1`, [inboxId]);
    return row?.name ?? 'a deleted inbox';
  }
}
