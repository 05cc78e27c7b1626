import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Page, QuoteContact, QuoteRequestCounts, QuoteRequestDto } from '@parley/shared/contracts';
import { canTransitionQuote, LIMITS, QUOTE_REQUEST_STATUSES, type QuoteRequestStatus } from '@parley/shared/domain';
import { DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service';
import type { AuthAgent } from '../../core/auth/decorators';
import { decodeCursor, encodeCursor, likeContains } from '../../core/database/cursor';
import { AppException, NotFoundException } from '../../core/errors/app.exception';
import { Contact } from '../contacts/contact.entity';
import { ContactsService } from '../contacts/contacts.service';
import { ConversationsService } from '../conversations/conversations.service';
import { InboxesService } from '../inboxes/inboxes.service';
import type { CreateQuoteRequestDto, QuoteRequestCountsQueryDto, QuoteRequestListQueryDto, UpdateQuoteRequestDto } from './dto/quote-request.dto';
import { agentActor, auditActor, historyEntry, mergeContact, toContact, toItems, withBlanksFrom, type QuoteActor } from './quote-fields';
import { QuoteRequest } from './quote-request.entity';
import { QUOTE_REQUEST_CREATED, QUOTE_REQUEST_UPDATED, type QuoteRequestChangedEvent } from './quote-request.events';
import { quoteNumber } from './quote-texts';

export type QuoteChanges = Record<string, { from: unknown; to: unknown }>;

const NO_INBOX = '00000000-0000-0000-0000-000000000000';

/** JSON with sorted keys: jsonb comes back with its keys in its own order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));
const EDITABLE = ['items', 'deadline', 'destinationCountry', 'notes', 'contact'] as const;

/**
 * Quote requests for agents (the board, edits, status by the rules, assignment, confirming AI
 * proposals) and the building blocks intake, sending, customer answers and expiry share. Agents see
 * the requests of their inboxes and those that belong to no inbox; admins see all. Every change
 * appends to the request's history and is announced after it commits.
 */
@Injectable()
export class QuotesService {
  constructor(
    @InjectRepository(QuoteRequest) private readonly quotes: Repository<QuoteRequest>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly inboxes: InboxesService,
    private readonly conversations: ConversationsService,
    private readonly contacts: ContactsService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  toDto(q: QuoteRequest): QuoteRequestDto {
    return {
      id: q.id,
      displayId: q.displayId,
      status: q.status,
      source: q.source,
      proposed: q.proposed,
      inboxId: q.inboxId,
      conversationId: q.conversationId,
      contactId: q.contactId,
      contact: q.contact,
      items: q.items,
      deadline: q.deadline,
      destinationCountry: q.destinationCountry,
      notes: q.notes,
      assigneeId: q.assigneeId,
      offer: q.offer,
      respondedAt: q.respondedAt?.toISOString() ?? null,
      history: q.history,
      createdAt: q.createdAt.toISOString(),
      updatedAt: q.updatedAt.toISOString(),
    };
  }

  /** The request if the agent may see it; otherwise not_found (nothing says it exists). */
  async findVisible(agent: Pick<AuthAgent, 'id' | 'role'>, id: string): Promise<QuoteRequest> {
    const q = await this.quotes.findOne({ where: { id } });
    if (!q) throw new NotFoundException('Quote request', id);
    const visible = await this.inboxes.visibleInboxIds(agent);
    if (visible && q.inboxId && !visible.includes(q.inboxId)) throw new NotFoundException('Quote request', id);
    return q;
  }

  async get(agent: AuthAgent, id: string): Promise<QuoteRequestDto> {
    return this.toDto(await this.findVisible(agent, id));
  }

  /** Newest first, keyset-paginated on (created_at, id). */
  async list(agent: AuthAgent, query: QuoteRequestListQueryDto): Promise<Page<QuoteRequestDto>> {
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const qb = (await this.filtered(agent, query)).orderBy('q.createdAt', 'DESC').addOrderBy('q.id', 'DESC').limit(limit + 1);
    if (query.status) qb.andWhere('q.status = :status', { status: query.status });
    if (query.cursor) {
      const k = decodeCursor(query.cursor);
      qb.andWhere('(q.createdAt, q.id) < (:at, :cid)', { at: k.at, cid: k.id });
    }
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map((r) => this.toDto(r)), nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
  }

  /** How many requests each status holds under the same filters as the list (the board's column headers). */
  async counts(agent: AuthAgent, query: QuoteRequestCountsQueryDto): Promise<QuoteRequestCounts> {
    const rows: { status: QuoteRequestStatus; n: number }[] = await (await this.filtered(agent, query))
      .select('q.status', 'status')
      .addSelect('count(*)::int', 'n')
      .groupBy('q.status')
      .getRawMany();
    const counts = Object.fromEntries(QUOTE_REQUEST_STATUSES.map((s) => [s, 0])) as QuoteRequestCounts;
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  /** The requests the agent may see, narrowed by the board's filters. */
  private async filtered(agent: AuthAgent, query: QuoteRequestCountsQueryDto): Promise<SelectQueryBuilder<QuoteRequest>> {
    const qb = this.quotes.createQueryBuilder('q');
    const visible = await this.inboxes.visibleInboxIds(agent);
    if (visible) qb.andWhere('(q.inboxId IS NULL OR q.inboxId IN (:...visible))', { visible: visible.length ? visible : [NO_INBOX] });
    if (query.inboxId) qb.andWhere('q.inboxId = :inboxId', { inboxId: query.inboxId });
    if (query.proposed !== undefined) qb.andWhere('q.proposed = :proposed', { proposed: query.proposed });
    if (query.assignee === 'me') qb.andWhere('q.assigneeId = :me', { me: agent.id });
    else if (query.assignee === 'unassigned') qb.andWhere('q.assigneeId IS NULL');
    else if (query.assignee && query.assignee !== 'any') qb.andWhere('q.assigneeId = :assignee', { assignee: query.assignee });
    const q = query.q?.trim();
    if (q) {
      const number = /^(q-?|#)?\d{1,9}$/i.test(q) ? Number(q.replace(/^(q-?|#)/i, '')) : null;
      qb.andWhere(
        `(q.contact ->> 'name' ILIKE :like OR q.contact ->> 'company' ILIKE :like OR q.contact ->> 'email' ILIKE :like OR q.contact ->> 'phone' ILIKE :like
          OR q.notes ILIKE :like OR EXISTS (SELECT 1 FROM jsonb_array_elements(q.items) i WHERE i ->> 'name' ILIKE :like OR i ->> 'url' ILIKE :like)
          ${number !== null ? 'OR q.displayId = :number' : ''})`,
        { like: likeContains(q), number },
      );
    }
    return qb;
  }

  /** An agent's request, on its own or for a conversation (whose inbox and contact it takes). */
  async create(agent: AuthAgent, dto: CreateQuoteRequestDto): Promise<QuoteRequestDto> {
    let inboxId = dto.inboxId ?? null;
    const conversation = dto.conversationId ? await this.conversations.findVisible(agent, dto.conversationId, true) : null;
    if (conversation) {
      if (inboxId && inboxId !== conversation.inboxId) throw new AppException('validation_failed', 'inboxId is not the inbox of the conversation', [{ field: 'inboxId', errors: ['not the conversation inbox'] }]);
      inboxId = conversation.inboxId;
    } else if (inboxId) {
      await this.inboxes.assertVisible(agent, inboxId);
    }
    const actor = agentActor(agent.id);
    const created = await this.db.transaction(async (m) => {
      const contact = conversation?.contact ? withBlanksFrom(toContact(dto.contact), conversation.contact) : toContact(dto.contact);
      const contactId = conversation?.contactId ?? (await this.findOrCreateContact(m, contact, actor));
      return this.insert(m, {
        source: 'agent',
        inboxId,
        conversationId: conversation?.id ?? null,
        contactId,
        contact,
        items: toItems(dto.items),
        deadline: dto.deadline ?? null,
        destinationCountry: dto.destinationCountry ?? null,
        notes: dto.notes?.trim() || null,
      }, actor);
    });
    return this.announce(QUOTE_REQUEST_CREATED, created.id);
  }

  /** Fields, status (agents' moves only), assignee and confirming a proposal, in one history-recorded change. */
  async update(agent: AuthAgent, id: string, dto: UpdateQuoteRequestDto): Promise<QuoteRequestDto> {
    const current = await this.findVisible(agent, id);
    if (dto.assigneeId) await this.assertAssignable(dto.assigneeId, current.inboxId);
    const actor = agentActor(agent.id);
    const changes = await this.db.transaction(async (m) => {
      const q = await this.lock(m, id);
      const changes: QuoteChanges = {};
      const entries = [];
      const edited = this.edits(q, dto);
      if (Object.keys(edited).length) {
        if (q.status === 'accepted') throw new AppException('invalid_transition', 'An accepted quote request can no longer be edited');
        Object.assign(changes, edited);
        for (const [k, v] of Object.entries(edited)) (q as unknown as Record<string, unknown>)[k] = v.to;
        entries.push(historyEntry('edited', actor, { note: Object.keys(edited).join(', ') }));
      }
      if (dto.status && dto.status !== q.status) {
        if (!canTransitionQuote(q.status, dto.status, 'agent')) {
          const how = dto.status === 'quoted' ? ' (send a quote to make it quoted)' : '';
          throw new AppException('invalid_transition', `A ${q.status} quote request cannot become ${dto.status} by hand${how}`, { from: q.status, to: dto.status });
        }
        changes['status'] = { from: q.status, to: dto.status };
        entries.push(historyEntry('status', actor, { from: q.status, to: dto.status }));
        q.status = dto.status;
      }
      if (dto.assigneeId !== undefined && dto.assigneeId !== q.assigneeId) {
        changes['assigneeId'] = { from: q.assigneeId, to: dto.assigneeId };
        entries.push(historyEntry('assigned', actor, { note: dto.assigneeId }));
        q.assigneeId = dto.assigneeId;
      }
      if (dto.confirm && q.proposed) {
        changes['proposed'] = { from: true, to: false };
        entries.push(historyEntry('confirmed', actor));
        q.proposed = false;
      }
      if (!entries.length) return changes;
      q.history = [...q.history, ...entries];
      await m.save(q);
      await this.audit.record({ actor: auditActor(actor), action: changes['status'] ? 'quote_request.status_changed' : 'quote_request.updated', entityType: 'quote_request', entityId: id, changes }, m);
      return changes;
    });
    return Object.keys(changes).length ? this.announce(QUOTE_REQUEST_UPDATED, id, changes) : this.toDto(await this.quotes.findOneByOrFail({ id }));
  }

  /** The latest sent quote as a PDF. */
  async pdf(agent: AuthAgent, id: string): Promise<{ filename: string; pdf: Buffer }> {
    const q = await this.findVisible(agent, id);
    const pdf = await this.storedPdf(id);
    if (!pdf) throw new AppException('not_found', `Quote request ${quoteNumber(q.displayId)} has no quote sent yet`);
    return { filename: `${quoteNumber(q.displayId)}.pdf`, pdf };
  }

  // ---------------------------------------------------------------------------------------------
  // Shared by intake, sending, the customer's answers and expiry.

  /** Stores a new request with its `created` history entry, inside the caller's transaction. */
  async insert(m: EntityManager, row: Partial<QuoteRequest> & Pick<QuoteRequest, 'source' | 'items' | 'contact'>, actor: QuoteActor): Promise<QuoteRequest> {
    const saved = await m.save(m.create(QuoteRequest, { ...row, status: 'new', history: [historyEntry('created', actor, { to: 'new', note: row.source })] }));
    await this.audit.record({ actor: auditActor(actor), action: 'quote_request.created', entityType: 'quote_request', entityId: saved.id, changes: { source: row.source } }, m);
    return saved;
  }

  /** The row under a write lock for the rest of the caller's transaction. */
  async lock(m: EntityManager, id: string): Promise<QuoteRequest> {
    const q = await m.findOne(QuoteRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!q) throw new NotFoundException('Quote request', id);
    return q;
  }

  findById(id: string): Promise<QuoteRequest | null> {
    return this.quotes.findOne({ where: { id } });
  }

  async storedPdf(id: string): Promise<Buffer | null> {
    const [row]: { offer_pdf: Buffer | null }[] = await this.db.query('SELECT offer_pdf FROM quote_requests WHERE id = $1', [id]);
    return row?.offer_pdf ?? null;
  }

  async load(id: string): Promise<QuoteRequestDto> {
    const q = await this.quotes.findOne({ where: { id } });
    if (!q) throw new NotFoundException('Quote request', id);
    return this.toDto(q);
  }

  /** After the change committed: agents' sockets, webhooks and staff alerts hear about it. */
  async announce(event: typeof QUOTE_REQUEST_CREATED | typeof QUOTE_REQUEST_UPDATED, id: string, changes?: QuoteChanges): Promise<QuoteRequestDto> {
    const quoteRequest = await this.load(id);
    this.events.emit(event, { quoteRequest, ...(changes && { changes }) } satisfies QuoteRequestChangedEvent);
    return quoteRequest;
  }

  /**
   * The contact a request is from: the one with its email (looked up case-insensitively, one
   * transaction at a time per address), whose blank fields it fills in, or a new one. Never
   * overwrites what a contact already has: anyone can type any email into a public form.
   */
  async findOrCreateContact(m: EntityManager, contact: QuoteContact, actor: QuoteActor): Promise<string | null> {
    if (!contact.email && !contact.phone && !contact.name) return null;
    if (contact.email) {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('contact-email:' || $1))`, [contact.email]);
      const [existing]: { id: string }[] = await m.query('SELECT id FROM contacts WHERE lower(email) = $1 ORDER BY created_at LIMIT 1', [contact.email]);
      if (existing) {
        await this.fillContactBlanks(m, existing.id, contact);
        return existing.id;
      }
    }
    const created = await this.contacts.create({ name: contact.name, email: contact.email, phone: contact.phone, company: contact.company }, auditActor(actor), m);
    return created.id;
  }

  /** Sets the contact's empty fields from `values`. */
  async fillContactBlanks(m: EntityManager, contactId: string, values: Partial<QuoteContact>): Promise<void> {
    const c = await m.findOneBy(Contact, { id: contactId });
    if (!c) return;
    const patch = Object.fromEntries((['name', 'company', 'email', 'phone'] as const).filter((k) => !c[k] && values[k]).map((k) => [k, values[k]]));
    if (Object.keys(patch).length) await m.update(Contact, contactId, patch);
  }

  /** The fields a PATCH changes, as `{ from, to }`. */
  private edits(q: QuoteRequest, dto: UpdateQuoteRequestDto): QuoteChanges {
    const next: Partial<Record<(typeof EDITABLE)[number], unknown>> = {};
    if (dto.items) next.items = toItems(dto.items);
    if (dto.deadline !== undefined) next.deadline = dto.deadline;
    if (dto.destinationCountry !== undefined) next.destinationCountry = dto.destinationCountry;
    if (dto.notes !== undefined) next.notes = dto.notes?.trim() || null;
    if (dto.contact) next.contact = mergeContact(q.contact, dto.contact);
    const changes: QuoteChanges = {};
    for (const key of EDITABLE) {
      if (!(key in next)) continue;
      const from = q[key] ?? null;
      const to = next[key] ?? null;
      if (canonical(from) !== canonical(to)) changes[key] = { from, to };
    }
    return changes;
  }

  /** An assignee must be an active agent who can see the request. */
  private async assertAssignable(agentId: string, inboxId: string | null): Promise<void> {
    const [ok] = await this.db.query(
      `SELECT 1 FROM agents a WHERE a.id = $1 AND NOT a.disabled
          AND (a.role = 'admin' OR $2::uuid IS NULL OR EXISTS (SELECT 1 FROM inbox_members m WHERE m.inbox_id = $2 AND m.agent_id = a.id))`,
      [agentId, inboxId],
    );
    if (!ok) throw new AppException('validation_failed', 'assigneeId is not an active agent of this inbox', [{ field: 'assigneeId', errors: ['not an active agent who can see this quote request'] }]);
  }
}
