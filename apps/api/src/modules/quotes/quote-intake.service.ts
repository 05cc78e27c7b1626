import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PublicQuoteResponse, QuoteContact, QuoteRequestDto, VisitorQuoteRequest } from '@parley/shared/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AppException } from '../../core/errors/app.exception';
import { Contact } from '../contacts/contact.entity';
import { ConversationsService } from '../conversations/conversations.service';
import { assertOriginAllowed, type Visitor } from '../live-chat/live-chat.service';
import { RateLimits } from '../live-chat/rate-limits';
import { appendMessage } from '../messages/append-message';
import { CONVERSATION_CREATED, CONVERSATION_UPDATED, type ConversationChangedEvent } from '../messages/message.events';
import { MessagesService } from '../messages/messages.service';
import { TRIAGE_COMPLETED, type TriageChangedEvent } from '../triage/triage.events';
import type { PublicQuoteRequestDto, SubmitQuoteDto } from './dto/quote-request.dto';
import { CUSTOMER, toContact, toItems, withBlanksFrom, type QuoteActor } from './quote-fields';
import { proposalFromTriage } from './quote-proposal';
import { QUOTE_REQUEST_CREATED } from './quote-request.events';
import { quoteNumber } from './quote-texts';
import { QuotesService } from './quotes.service';

const AI: QuoteActor = { type: 'ai', id: null };
const QUOTE_CATEGORY = 'b2b_quote';

const violates = (e: unknown, constraint: string) => e instanceof QueryFailedError && (e as QueryFailedError & { constraint?: string }).constraint === constraint;

/**
 * Where quote requests come from besides agents: a website's form (public endpoint), the widget's
 * quote form (socket), and the AI proposing one when triage files a conversation under `b2b_quote`.
 */
@Injectable()
export class QuoteIntakeService {
  private readonly logger = new Logger('Quotes');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly quotes: QuotesService,
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly limits: RateLimits,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * A website form's submission. The inbox's allowed origins apply as for the widget; a filled
   * honeypot gets the same answer as a real request, and nothing is stored.
   */
  async submitPublic(dto: PublicQuoteRequestDto, ctx: { ip: string; origin?: string; apiHost: string }): Promise<PublicQuoteResponse> {
    await this.limits.consume(['ipQuotes', ctx.ip]);
    const [inbox]: { id: string; allowed_origins: string[] }[] = await this.db.query('SELECT id, allowed_origins FROM inboxes WHERE public_token = $1', [dto.inboxToken]);
    if (!inbox) throw new AppException('not_found', 'Unknown inbox token');
    assertOriginAllowed(inbox.allowed_origins, ctx.origin, ctx.apiHost);
    if (dto.website?.trim()) return { id: randomUUID(), displayId: 0, status: 'new' };

    const contact = toContact(dto.contact);
    const created = await this.db.transaction(async (m) => {
      const contactId = await this.quotes.findOrCreateContact(m, contact, CUSTOMER);
      return this.quotes.insert(m, { source: 'public_form', inboxId: inbox.id, contactId, contact, ...this.fields(dto) }, CUSTOMER);
    });
    const q = await this.quotes.announce(QUOTE_REQUEST_CREATED, created.id);
    return { id: q.id, displayId: q.displayId, status: q.status };
  }

  /**
   * The widget's quote form, stored exactly once per `clientRequestId` (a resend answers with the
   * first request). It belongs to the visitor's conversation (the given one if it is theirs, else
   * their open one, else a new one), updates their contact with what they filled in, leaves a note
   * in the conversation and files it under `b2b_quote` unless it already has a category.
   */
  async submitFromWidget(v: Visitor, dto: SubmitQuoteDto, ip: string, own: Set<string>): Promise<{ quoteRequest: VisitorQuoteRequest }> {
    const previous = await this.byClientRequest(v.contactInboxId, dto.clientRequestId);
    if (previous) return { quoteRequest: previous };
    await this.limits.consume(['visitorMessages', v.contactInboxId], ['ipQuotes', ip]);
    const given = toContact(dto.contact);

    let stored;
    try {
      stored = await this.db.transaction(async (m) => {
        // The given conversation (the gateway checked it is the visitor's), else their open one, else a new one.
        const { conversationId, created: opened } = dto.conversationId
          ? { conversationId: dto.conversationId, created: false }
          : await this.conversations.openOrContinue(m, v, () => this.limits.consume(['ipConversations', ip]));
        const known = await this.updateVisitorContact(m, v.contactId, given);
        const q = await this.quotes.insert(m, {
          source: 'widget',
          inboxId: v.inboxId,
          conversationId,
          contactId: v.contactId,
          contactInboxId: v.contactInboxId,
          clientRequestId: dto.clientRequestId,
          contact: withBlanksFrom(given, known),
          ...this.fields(dto),
        }, CUSTOMER);
        const note = await appendMessage(m, { conversationId, messageType: 'activity', senderType: 'system', senderId: null, body: `Quote request ${quoteNumber(q.displayId)} received` });
        const categorized: unknown[] = await m.query(`WITH c AS (UPDATE conversations SET category = $2 WHERE id = $1 AND category IS NULL RETURNING id) SELECT id FROM c`, [conversationId, QUOTE_CATEGORY]);
        return { q, conversationId, opened, note, categorized: categorized.length > 0 };
      });
    } catch (e) {
      if (!violates(e, 'uq_quote_requests_client_request')) throw e;
      const first = await this.byClientRequest(v.contactInboxId, dto.clientRequestId); // the racing copy won
      if (!first) throw e;
      return { quoteRequest: first };
    }

    own.add(stored.conversationId);
    if (stored.opened) this.events.emit(CONVERSATION_CREATED, { conversation: await this.conversations.load(stored.conversationId) } satisfies ConversationChangedEvent);
    this.messages.announce(stored.note, v.inboxId);
    if (stored.categorized) {
      this.events.emit(CONVERSATION_UPDATED, { conversation: await this.conversations.load(stored.conversationId), changes: { category: { from: null, to: QUOTE_CATEGORY } } } satisfies ConversationChangedEvent);
    }
    const q = await this.quotes.announce(QUOTE_REQUEST_CREATED, stored.q.id);
    return { quoteRequest: { id: q.id, displayId: q.displayId, status: q.status, conversationId: q.conversationId } };
  }

  @OnEvent(TRIAGE_COMPLETED, { async: true, suppressErrors: true })
  async onTriage(event: TriageChangedEvent): Promise<void> {
    await this.proposeFromTriage(event).catch((e: Error) => this.logger.warn(`could not propose a quote request for conversation ${event.triage.conversationId}: ${e.message}`));
  }

  /**
   * A `b2b_quote` conversation without any quote request gets one AI proposal (`proposed: true`),
   * pre-filled from the triage and the contact, for an agent to confirm. Never a second one: the
   * conversation row lock orders concurrent triages, the unique index backs it.
   */
  async proposeFromTriage({ triage, inboxId }: TriageChangedEvent): Promise<QuoteRequestDto | null> {
    if (triage.status !== 'completed' || (triage.correctedCategory ?? triage.category) !== QUOTE_CATEGORY) return null;
    let created;
    try {
      created = await this.db.transaction(async (m) => {
        const [c]: { id: string; display_id: number; contact_id: string; name: string | null; company: string | null; email: string | null; phone: string | null }[] = await m.query(
          `SELECT c.id, c.display_id, c.contact_id, ct.name, ct.company, ct.email, ct.phone
             FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE c.id = $1 FOR UPDATE OF c`,
          [triage.conversationId],
        );
        if (!c) return null;
        const [taken] = await m.query('SELECT 1 FROM quote_requests WHERE conversation_id = $1 LIMIT 1', [c.id]);
        if (taken) return null;
        const [message]: { body: string }[] = await m.query('SELECT body FROM messages WHERE id = $1', [triage.messageId]);
        const proposal = proposalFromTriage(triage.entities, message?.body ?? '', c.display_id);
        return this.quotes.insert(m, {
          source: 'ai_proposal',
          proposed: true,
          inboxId,
          conversationId: c.id,
          contactId: c.contact_id,
          contact: { name: c.name, company: c.company ?? proposal.company, email: c.email, phone: c.phone },
          items: proposal.items,
          notes: proposal.notes,
        }, AI);
      });
    } catch (e) {
      if (violates(e, 'uq_quote_requests_ai_proposal')) return null;
      throw e;
    }
    return created ? this.quotes.announce(QUOTE_REQUEST_CREATED, created.id) : null;
  }

  private fields(dto: PublicQuoteRequestDto | SubmitQuoteDto) {
    return { items: toItems(dto.items), deadline: dto.deadline ?? null, destinationCountry: dto.destinationCountry ?? null, notes: dto.notes?.trim() || null };
  }

  private async byClientRequest(contactInboxId: string, clientRequestId: string): Promise<VisitorQuoteRequest | null> {
    const [row]: { id: string; display_id: number; status: VisitorQuoteRequest['status']; conversation_id: string | null }[] = await this.db.query(
      'SELECT id, display_id, status, conversation_id FROM quote_requests WHERE contact_inbox_id = $1 AND client_request_id = $2',
      [contactInboxId, clientRequestId],
    );
    return row ? { id: row.id, displayId: row.display_id, status: row.status, conversationId: row.conversation_id } : null;
  }

  /** The visitor's own details, as with `contact.update`: what they filled in replaces what we had. Returns the contact as it is now. */
  private async updateVisitorContact(m: EntityManager, contactId: string, given: QuoteContact): Promise<QuoteContact> {
    const patch = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== null));
    if (Object.keys(patch).length) await m.update(Contact, contactId, patch);
    const c = await m.findOneByOrFail(Contact, { id: contactId });
    return { name: c.name, company: c.company, email: c.email, phone: c.phone };
  }
}
