import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import type { ContactCapturedEvent, WebhookEvent, WebhookEventData } from '@parley/shared/contracts';
import { Repository } from 'typeorm';
import { CONTACT_CAPTURED, CONVERSATION_CREATED, CONVERSATION_UPDATED, MESSAGE_CREATED, type ConversationChangedEvent, type MessageCreatedEvent } from '../messages/message.events';
import { QUOTE_REQUEST_CREATED, QUOTE_REQUEST_UPDATED, type QuoteRequestChangedEvent } from '../quotes/quote-request.events';
import { REPLY_DRAFT_CREATED, REPLY_DRAFT_UPDATED, type ReplyDraftChangedEvent } from '../reply-drafts/reply-draft.events';
import { TRIAGE_COMPLETED, type TriageChangedEvent } from '../triage/triage.events';
import { WebhookSender } from './webhook-sender';
import { Webhook } from './webhook.entity';
import { ttlCache } from '../../core/cache/ttl-cache';

/**
 * Turns in-process domain events (emitted after their transaction commits) into webhook deliveries:
 * one row per enabled webhook subscribed to the event. Private notes are internal data and reach
 * only webhooks that opted in with `includePrivate`.
 */
const CACHE_MS = 5_000;

@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger('Webhooks');
  /** Enabled webhooks, cached briefly: this runs for every message, and most workspaces have none. */
  private readonly cache = ttlCache<'enabled', Pick<Webhook, 'id' | 'events' | 'includePrivate'>[]>({
    max: 1,
    ttl: CACHE_MS,
    fetchMethod: () => this.webhooks.find({ select: { id: true, events: true, includePrivate: true }, where: { enabled: true } }),
  });

  constructor(
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    private readonly sender: WebhookSender,
  ) {}

  @OnEvent(MESSAGE_CREATED, { async: true, suppressErrors: true })
  onMessage({ message, inboxId }: MessageCreatedEvent): Promise<void> {
    return this.safely(MESSAGE_CREATED, { inboxId, message }, message.private);
  }

  @OnEvent(CONVERSATION_CREATED, { async: true, suppressErrors: true })
  onConversationCreated({ conversation }: ConversationChangedEvent): Promise<void> {
    return this.safely(CONVERSATION_CREATED, { conversation });
  }

  @OnEvent(CONVERSATION_UPDATED, { async: true, suppressErrors: true })
  onConversationUpdated({ conversation, changes }: ConversationChangedEvent): Promise<void> {
    return this.safely(CONVERSATION_UPDATED, { conversation, changes: changes ?? {} });
  }

  @OnEvent(TRIAGE_COMPLETED, { async: true, suppressErrors: true })
  onTriage({ triage, inboxId }: TriageChangedEvent): Promise<void> {
    return this.safely(TRIAGE_COMPLETED, { inboxId, triage });
  }

  @OnEvent(REPLY_DRAFT_CREATED, { async: true, suppressErrors: true })
  onDraftCreated({ draft, inboxId }: ReplyDraftChangedEvent): Promise<void> {
    return this.safely(REPLY_DRAFT_CREATED, { inboxId, draft });
  }

  @OnEvent(REPLY_DRAFT_UPDATED, { async: true, suppressErrors: true })
  onDraftUpdated({ draft, inboxId, message }: ReplyDraftChangedEvent): Promise<void> {
    return this.safely(REPLY_DRAFT_UPDATED, { inboxId, draft, ...(message && { message }) }, message?.private ?? false);
  }

  @OnEvent(CONTACT_CAPTURED, { async: true, suppressErrors: true })
  onContactCaptured(event: ContactCapturedEvent): Promise<void> {
    return this.safely('contact.captured', event);
  }

  @OnEvent(QUOTE_REQUEST_CREATED, { async: true, suppressErrors: true })
  onQuoteRequestCreated({ quoteRequest, changes }: QuoteRequestChangedEvent): Promise<void> {
    return this.safely(QUOTE_REQUEST_CREATED, { quoteRequest, ...(changes && { changes }) });
  }

  @OnEvent(QUOTE_REQUEST_UPDATED, { async: true, suppressErrors: true })
  onQuoteRequestUpdated({ quoteRequest, changes }: QuoteRequestChangedEvent): Promise<void> {
    return this.safely(QUOTE_REQUEST_UPDATED, { quoteRequest, changes: changes ?? {} });
  }

  /**
   * Queues `event` for every enabled webhook subscribed to it; `containsPrivate` limits it to webhooks
   * with `includePrivate`. Returns the delivery ids.
   */
  async dispatch(event: WebhookEvent, data: unknown, containsPrivate = false): Promise<string[]> {
    const targets = (await this.enabled()).filter((w) => w.events.includes(event) && (!containsPrivate || w.includePrivate));
    if (!targets.length) return [];
    return (await this.sender.schedule(targets.map((w) => w.id), event, data)).map((d) => d.id);
  }

  /** Forget the cached subscriptions (after an admin changed a webhook in this process). */
  invalidate(): void {
    this.cache.clear();
  }

  /** Another process's change is seen within CACHE_MS. */
  private async enabled(): Promise<Pick<Webhook, 'id' | 'events' | 'includePrivate'>[]> {
    return (await this.cache.fetch('enabled'))!;
  }

  private async safely<E extends WebhookEvent>(event: E, data: WebhookEventData[E], containsPrivate = false): Promise<void> {
    await this.dispatch(event, data, containsPrivate).catch((e: Error) => this.logger.warn(`could not queue ${event} webhooks: ${e.message}`));
  }
}
