import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaptureContactPayload, ContactCapturedEvent, FlowChoice, SendMessagePayload, UpdateContactPayload, VisitorConversation, VisitorMessage, WidgetSessionResponse } from '@parley/shared/contracts';
import { LIMITS as DOMAIN_LIMITS } from '@parley/shared/domain';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../core/audit/audit.service';
import { VisitorTokenService } from '../../core/auth/visitor-token.service';
import { AppException } from '../../core/errors/app.exception';
import { Contact } from '../contacts/contact.entity';
import { ContactInbox } from '../contacts/contact-inbox.entity';
import { ContactsService } from '../contacts/contacts.service';
import { ConversationsService } from '../conversations/conversations.service';
import { FlowsService } from '../flows/flows.service';
import { Inbox } from '../inboxes/inbox.entity';
import { appendMessage } from '../messages/append-message';
import { CONTACT_CAPTURED, CONVERSATION_CREATED, MESSAGE_CREATED, type ConversationChangedEvent, type MessageCreatedEvent } from '../messages/message.events';
import { isIdempotencyConflict, MessagesService } from '../messages/messages.service';
import { AgentNames } from './agent-names';
import { describeCapture, followUpQuestion, parseContactLine } from '../contacts/capture/contact-line-parser';
import type { WidgetSessionDto } from './dto/live-chat.dto';
import { PresenceService } from './presence.service';
import { RateLimits } from './rate-limits';
import { toVisitorMessage } from './visitor-messages';

/** Who is on the other end of a widget socket or request. */
export interface Visitor {
  contactInboxId: string;
  contactId: string;
  inboxId: string;
}

type SendResult = { message: { id: string; conversationId: string; seq: number; createdAt: string } };

const SESSION_CONVERSATIONS = 5;
const SESSION_MESSAGES = 50;

function hostOf(origin: string): string {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return origin.toLowerCase();
  }
}

export function originAllowed(allowed: string[], origin: string | undefined | null): boolean {
  if (!allowed.length || allowed.includes('*')) return true;
  if (!origin) return false;
  const o = origin.toLowerCase().replace(/\/$/, '');
  return allowed.some((a) => a.toLowerCase().replace(/\/$/, '') === o);
}

/** Requests from the API's own host pass; another origin (or the page embedding the widget) must be listed. */
export function assertOriginAllowed(allowed: string[], origin: string | undefined, apiHost: string, hostOrigin?: string): void {
  const foreign = origin && hostOf(origin) !== apiHost.toLowerCase() ? origin : undefined;
  if (foreign && !originAllowed(allowed, foreign)) throw new AppException('forbidden', `Origin ${foreign} is not allowed for this inbox`);
  if (hostOrigin !== undefined && !originAllowed(allowed, hostOrigin)) throw new AppException('forbidden', `Origin ${hostOrigin} is not allowed for this inbox`);
}

@Injectable()
export class LiveChatService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: VisitorTokenService,
    private readonly contacts: ContactsService,
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly presence: PresenceService,
    private readonly agentNames: AgentNames,
    private readonly limits: RateLimits,
    private readonly events: EventEmitter2,
    private readonly flows: FlowsService,
  ) {}

  /**
   * Starts or resumes a visitor session. A valid visitorToken resumes its contact; a verified
   * identity (HMAC of the identifier) finds the same contact on any device. When the inbox
   * enforces identity, a missing or wrong hash is refused before any contact is touched.
   */
  async createSession(dto: WidgetSessionDto, ctx: { ip: string; origin?: string; apiHost: string }): Promise<WidgetSessionResponse> {
    await this.limits.consume(['ipSessions', ctx.ip]);
    const inbox = await this.db
      .getRepository(Inbox)
      .createQueryBuilder('i')
      .addSelect('i.identitySecret')
      .where('i.publicToken = :t', { t: dto.inboxToken })
      .getOne();
    if (!inbox || inbox.channel !== 'web_widget') throw new AppException('not_found', 'Unknown inbox token');
    this.assertOrigin(inbox, ctx.origin, ctx.apiHost, dto.hostOrigin);

    const verified = dto.identity?.identifierHash ? this.verifyIdentity(inbox.identitySecret, dto.identity.identifier, dto.identity.identifierHash) : false;
    if (inbox.identityEnforced && (!dto.identity || !verified)) {
      throw new AppException('unauthorized', dto.identity ? 'identifierHash does not match the identifier' : 'This inbox requires a verified identity');
    }
    if (dto.identity?.identifierHash && !verified) throw new AppException('unauthorized', 'identifierHash does not match the identifier');

    const contactInbox = await this.db.transaction(async (m) => {
      const resumed = dto.visitorToken ? await this.resume(m, dto.visitorToken, inbox.id) : null;
      const actor: Actor = { type: 'system', id: null };
      if (verified && dto.identity) {
        const sourceId = `identity:${dto.identity.identifier}`;
        const ci = await this.contacts.findOrCreateInInbox(m, inbox.id, sourceId, async () => resumed?.contactId ?? (await this.contacts.create({ name: dto.identity!.name, email: dto.identity!.email, locale: dto.locale }, actor, m)).id);
        if (!ci.hmacVerified) await m.update(ContactInbox, ci.id, { hmacVerified: true });
        await this.fillBlanks(m, ci.contactId, { name: dto.identity.name, email: dto.identity.email });
        return ci;
      }
      if (resumed) {
        // An unverified identity may only fill in what the contact has not told us yet.
        if (dto.identity) await this.fillBlanks(m, resumed.contactId, { name: dto.identity.name, email: dto.identity.email });
        return resumed;
      }
      return this.contacts.findOrCreateInInbox(m, inbox.id, `visitor:${randomUUID()}`, async () =>
        (await this.contacts.create({ name: dto.identity?.name, email: dto.identity?.email, locale: dto.locale }, actor, m)).id,
      );
    });

    const contact = await this.contacts.find(contactInbox.contactId);
    return {
      visitorToken: await this.tokens.sign(contactInbox.id, inbox.id),
      contact: { id: contact.id, name: contact.name, email: contact.email, phone: contact.phone },
      conversations: await this.visitorConversations(contactInbox.id),
      inbox: { name: inbox.name, availability: await this.presence.availability(inbox.id), greeting: null, flow: await this.flows.forWidget(inbox.id) },
    };
  }

  /** Authenticates a widget socket: a valid token for an inbox that accepts the socket's origin. */
  async authenticate(token: unknown, origin: string | undefined, apiHost: string): Promise<Visitor> {
    const claims = await this.tokens.verify(token);
    const row = await this.db
      .getRepository(ContactInbox)
      .createQueryBuilder('ci')
      .innerJoinAndSelect('ci.inbox', 'i')
      .where('ci.id = :id AND ci.inboxId = :inbox', { id: claims.sub, inbox: claims.inb })
      .getOne();
    if (!row?.inbox) throw new AppException('unauthorized', 'Unknown visitor');
    this.assertOrigin(row.inbox, origin, apiHost);
    return { contactInboxId: row.id, contactId: row.contactId, inboxId: row.inboxId };
  }

  /** Conversation ids this visitor may use (their own, in this inbox). */
  async ownConversationIds(v: Visitor): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query('SELECT id FROM conversations WHERE contact_inbox_id = $1', [v.contactInboxId]);
    return new Set(rows.map((r) => r.id));
  }

  /**
   * A visitor's message, stored exactly once. Without a conversationId it continues the visitor's
   * open conversation or opens one; the contact inbox row lock keeps two first messages racing
   * from opening two conversations.
   */
  async send(v: Visitor, dto: SendMessagePayload, ip: string, own: Set<string>): Promise<SendResult> {
    if (dto.body.length > DOMAIN_LIMITS.messageBodyMax) throw new AppException('message_too_long', `Message body exceeds ${DOMAIN_LIMITS.messageBodyMax} characters`);
    if (dto.body.trim().length === 0) throw new AppException('message_empty', 'Message body is empty');
    await this.limits.consume(['visitorMessages', v.contactInboxId], ['ipMessages', ip]);
    if (dto.flow) return this.sendChoice(v, { ...dto, flow: dto.flow }, ip, own);
    const base = { messageType: 'incoming' as const, senderType: 'contact' as const, senderId: v.contactId, body: dto.body, clientMessageId: dto.clientMessageId };

    if (dto.conversationId) {
      await this.assertOwn(v, dto.conversationId, own);
      const { message } = await this.messages.create({ ...base, conversationId: dto.conversationId }, v.inboxId);
      return { message: { id: message.id, conversationId: message.conversationId, seq: message.seq, createdAt: message.createdAt } };
    }

    const previous = await this.previousSend(v, dto.clientMessageId);
    if (previous) return previous;

    let opened: { conversationId: string; created: boolean; result: Awaited<ReturnType<typeof appendMessage>> };
    try {
      opened = await this.db.transaction(async (m) => {
        const { conversationId, created } = await this.openOrContinue(m, v, ip);
        return { conversationId, created, result: await appendMessage(m, { ...base, conversationId }) };
      });
    } catch (e) {
      if (!isIdempotencyConflict(e)) throw e;
      return this.send(v, dto, ip, own); // the racing copy won; this finds its message
    }
    own.add(opened.conversationId);
    const message = this.messages.toDto(opened.result.message);
    if (opened.created) {
      this.events.emit(CONVERSATION_CREATED, { conversation: await this.conversations.load(opened.conversationId) } satisfies ConversationChangedEvent);
    }
    if (!opened.result.duplicate) this.events.emit(MESSAGE_CREATED, { message, inboxId: v.inboxId, contactInboxId: v.contactInboxId } satisfies MessageCreatedEvent);
    return { message: { id: message.id, conversationId: message.conversationId, seq: message.seq, createdAt: message.createdAt } };
  }

  /**
   * A flow button click: checked against the inbox's current flow (else `invalid_payload`, nothing
   * stored), then in one transaction the visitor's message with the choice, the choice on the
   * conversation and the next step as a bot message. A resend finds the first message and posts no
   * second step. Plain messages never come here: they cost no flow lookup.
   */
  private async sendChoice(v: Visitor, dto: SendMessagePayload & { flow: FlowChoice }, ip: string, own: Set<string>): Promise<SendResult> {
    if (dto.conversationId) await this.assertOwn(v, dto.conversationId, own);
    const previous = await this.previousSend(v, dto.clientMessageId);
    if (previous) return previous;
    const locale = dto.locale ?? (/[\uAC00-\uD7A3]/.test(dto.body) ? 'ko' : 'en');
    const resolved = await this.flows.resolveChoice(v.inboxId, dto.flow, locale);

    let done;
    try {
      done = await this.db.transaction(async (m) => {
        const { conversationId, created } = dto.conversationId ? { conversationId: dto.conversationId, created: false } : await this.openOrContinue(m, v, ip);
        const result = await appendMessage(m, {
          conversationId,
          messageType: 'incoming',
          senderType: 'contact',
          senderId: v.contactId,
          body: resolved.label,
          clientMessageId: dto.clientMessageId,
          content: { flowChoice: resolved.choice },
        });
        const applied = result.duplicate ? null : await this.flows.applyChoice(m, conversationId, resolved, { type: 'contact', id: v.contactId });
        return { conversationId, created, result, applied };
      });
    } catch (e) {
      if (!isIdempotencyConflict(e)) throw e;
      return this.send(v, dto, ip, own); // the racing copy won; this finds its message
    }
    own.add(done.conversationId);
    if (done.created) {
      this.events.emit(CONVERSATION_CREATED, { conversation: await this.conversations.load(done.conversationId) } satisfies ConversationChangedEvent);
    }
    const message = this.messages.announce(done.result, v.inboxId);
    if (done.applied) await this.flows.announceChoice(v.inboxId, done.conversationId, done.applied);
    return { message: { id: message.id, conversationId: message.conversationId, seq: message.seq, createdAt: message.createdAt } };
  }

  /** The ack of a message this visitor sent before under the same clientMessageId, if any. */
  private async previousSend(v: Visitor, clientMessageId: string): Promise<SendResult | null> {
    const [row] = await this.db.query(`SELECT * FROM messages WHERE contact_inbox_id = $1 AND client_message_id = $2 AND sender_type = 'contact'`, [v.contactInboxId, clientMessageId]);
    return row ? { message: { id: row.id, conversationId: row.conversation_id, seq: row.seq, createdAt: new Date(row.created_at).toISOString() } } : null;
  }

  private openOrContinue(m: EntityManager, v: Visitor, ip: string): Promise<{ conversationId: string; created: boolean }> {
    return this.conversations.openOrContinue(m, v, () => this.limits.consume(['ipConversations', ip]));
  }

  /** Everything visible after `afterSeq`, oldest first, and how far the business has read. */
  async sync(v: Visitor, conversationId: string, afterSeq: number, own: Set<string>): Promise<{ messages: VisitorMessage[]; agentLastReadSeq: number }> {
    await this.assertOwn(v, conversationId, own);
    const list = await this.messages.list(conversationId, { after: afterSeq, limit: 500, includePrivate: false });
    const names = await this.agentNames.load(list);
    const [{ agent_last_read_seq }] = await this.db.query('SELECT agent_last_read_seq FROM conversations WHERE id = $1', [conversationId]);
    return { messages: list.map((m) => toVisitorMessage(m, names)).filter((m): m is VisitorMessage => !!m), agentLastReadSeq: agent_last_read_seq };
  }

  async assertOwn(v: Visitor, conversationId: string, own: Set<string>): Promise<void> {
    if (own.has(conversationId)) return;
    const mine = await this.ownConversationIds(v);
    if (!mine.has(conversationId)) throw new AppException('forbidden', 'Not your conversation');
    own.add(conversationId);
  }

  /**
   * One free line of contact details: what it holds is stored on the contact (a valid phone or email
   * replaces the old one; a name or company fills or corrects), noted in the visitor's open conversation
   * and announced to agents, even if the visitor leaves right after. The answer says what was understood
   * and asks only for what is missing or invalid.
   */
  async captureContact(v: Visitor, dto: CaptureContactPayload) {
    await this.limits.consume(['visitorMessages', v.contactInboxId]);
    const capture = parseContactLine(dto.line, { defaultCountry: 'KR' });
    const locale = dto.locale ?? (/[\uAC00-\uD7A3]/.test(dto.line) ? 'ko' : 'en');
    const patch = Object.fromEntries(
      Object.entries({ name: capture.name, company: capture.company, phone: capture.phone, email: capture.email }).filter(([, value]) => value !== null),
    );
    const contact = Object.keys(patch).length ? await this.contacts.update(v.contactId, patch, { type: 'contact', id: v.contactId }) : await this.contacts.get(v.contactId);
    if (Object.keys(patch).length) {
      const open = await this.conversations.openConversationId(this.db, v.contactInboxId);
      if (open) {
        const note = await appendMessage(this.db.manager, { conversationId: open, messageType: 'activity', senderType: 'system', senderId: null, body: `Contact details left by the visitor: ${describeCapture(capture, 'en').replace(/^Got it: /, '')}` });
        this.messages.announce(note, v.inboxId);
      }
      this.events.emit(CONTACT_CAPTURED, {
        contactId: contact.id,
        inboxId: v.inboxId,
        conversationId: open,
        contact: { id: contact.id, name: contact.name, email: contact.email, phone: contact.phone, company: contact.company },
      } satisfies ContactCapturedEvent);
    }
    // Ask only for what the contact still lacks, counting what earlier answers left.
    const known = {
      ...capture,
      missing: capture.missing.filter((m) => (m === 'name' ? !contact.name : !(contact.phone || contact.email))),
      invalid: capture.invalid.filter((i) => !(i.field === 'phone' ? contact.phone : contact.email)),
    };
    return {
      contact: { id: contact.id, name: contact.name, email: contact.email, phone: contact.phone },
      summary: describeCapture(capture, locale),
      followUp: followUpQuestion(known, locale),
    };
  }

  /** The one-line "how can we reach you" answer, or a signed-in visitor's details. */
  async updateContact(v: Visitor, dto: UpdateContactPayload) {
    const updated = await this.contacts.update(v.contactId, dto, { type: 'contact', id: v.contactId });
    return { contact: { id: updated.id, name: updated.name, email: updated.email, phone: updated.phone } };
  }

  private async visitorConversations(contactInboxId: string): Promise<VisitorConversation[]> {
    const convs: { id: string; status: VisitorConversation['status']; last_seq: number; contact_last_read_seq: number; agent_last_read_seq: number }[] = await this.db.query(
      `SELECT id, status, last_seq, contact_last_read_seq, agent_last_read_seq FROM conversations WHERE contact_inbox_id = $1 ORDER BY last_activity_at DESC LIMIT ${SESSION_CONVERSATIONS}`,
      [contactInboxId],
    );
    const result: VisitorConversation[] = [];
    for (const c of convs) {
      const list = await this.messages.list(c.id, { limit: SESSION_MESSAGES, includePrivate: false });
      const names = await this.agentNames.load(list);
      result.push({
        id: c.id,
        status: c.status,
        lastSeq: c.last_seq,
        contactLastReadSeq: c.contact_last_read_seq,
        agentLastReadSeq: c.agent_last_read_seq,
        messages: list.map((m) => toVisitorMessage(m, names)).filter((m): m is VisitorMessage => !!m),
      });
    }
    return result;
  }

  private async resume(m: import('typeorm').EntityManager, token: string, inboxId: string): Promise<ContactInbox | null> {
    try {
      const claims = await this.tokens.verify(token);
      if (claims.inb !== inboxId) return null;
      return await m.findOne(ContactInbox, { where: { id: claims.sub, inboxId } });
    } catch {
      return null; // an old or foreign token simply starts a new visitor
    }
  }

  private async fillBlanks(m: import('typeorm').EntityManager, contactId: string, values: { name?: string; email?: string }) {
    const contact = await m.findOneByOrFail(Contact, { id: contactId });
    const patch: Partial<Contact> = {};
    if (values.name && !contact.name) patch.name = values.name;
    if (values.email && !contact.email) patch.email = values.email.toLowerCase();
    if (Object.keys(patch).length) await m.update(Contact, contactId, patch);
  }

  private verifyIdentity(secret: string, identifier: string, hash: string): boolean {
    const expected = createHmac('sha256', secret).update(identifier).digest();
    const given = Buffer.from(hash, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /**
   * The widget's own frame (served by the API, same host) is always fine; other origins must be
   * listed. Compared by host, not scheme, so a TLS-terminating proxy in front does not matter.
   */
  private assertOrigin(inbox: Inbox, origin: string | undefined, apiHost: string, hostOrigin?: string): void {
    assertOriginAllowed(inbox.allowedOrigins, origin, apiHost, hostOrigin);
  }
}
