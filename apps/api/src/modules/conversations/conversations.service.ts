import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { ConversationCountsDto, ConversationDto, LabelRef, Page } from '@parley/shared/contracts';
import { canTransition, firstResponseDueAt, LIMITS } from '@parley/shared/domain';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService, type Actor } from '../../core/audit/audit.service';
import type { AuthAgent } from '../../core/auth/decorators';
import { decodeCursor, encodeCursor, likeContains } from '../../core/database/cursor';
import { AppException, NotFoundException } from '../../core/errors/app.exception';
import { Agent } from '../agents/agent.entity';
import { ContactsService } from '../contacts/contacts.service';
import { InboxesService } from '../inboxes/inboxes.service';
import { LabelsService } from '../labels/labels.service';
import { appendMessage } from '../messages/append-message';
import { toMessageDto } from '../messages/messages.service';
import { CONVERSATION_CREATED, CONVERSATION_UPDATED, MESSAGE_CREATED, type ConversationChangedEvent, type MessageCreatedEvent } from '../messages/message.events';
import { TeamsService } from '../teams/teams.service';
import { Conversation } from './conversation.entity';
import type { ConversationListQueryDto, CreateConversationDto, UpdateConversationDto } from './dto/conversation.dto';

@Injectable()
export class ConversationsService {
  constructor(
    @InjectRepository(Conversation) private readonly conversations: Repository<Conversation>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly inboxes: InboxesService,
    private readonly contacts: ContactsService,
    private readonly labels: LabelsService,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  /** The conversation if the agent may see it (admins: all; agents: their inboxes); otherwise not_found. */
  async findVisible(agent: Pick<AuthAgent, 'id' | 'role'>, id: string, withContact = false): Promise<Conversation> {
    const c = await this.conversations.findOne({ where: { id }, relations: { contact: withContact, contactInbox: withContact } });
    if (!c) throw new NotFoundException('Conversation', id);
    const ids = await this.inboxes.visibleInboxIds(agent);
    if (ids && !ids.includes(c.inboxId)) throw new NotFoundException('Conversation', id);
    return c;
  }

  async list(agent: AuthAgent, query: ConversationListQueryDto): Promise<Page<ConversationDto>> {
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const qb = this.conversations
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.contact', 'ct')
      .innerJoinAndSelect('c.contactInbox', 'ci')
      .orderBy('c.lastActivityAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1);

    const visible = await this.inboxes.visibleInboxIds(agent);
    if (visible) qb.andWhere('c.inboxId IN (:...visible)', { visible: visible.length ? visible : ['00000000-0000-0000-0000-000000000000'] });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.inboxId) qb.andWhere('c.inboxId = :inboxId', { inboxId: query.inboxId });
    if (query.contactId) qb.andWhere('c.contactId = :contactId', { contactId: query.contactId });
    if (query.priority) qb.andWhere('c.priority = :priority', { priority: query.priority });
    if (query.category) qb.andWhere('c.category = :category', { category: query.category });
    if (query.draftWaiting) qb.andWhere(`EXISTS (SELECT 1 FROM reply_drafts d WHERE d.conversation_id = c.id AND d.status = 'proposed')`);
    if (query.assignee === 'me') qb.andWhere('c.assigneeId = :me', { me: agent.id });
    else if (query.assignee === 'unassigned') qb.andWhere('c.assigneeId IS NULL');
    else if (query.assignee && query.assignee !== 'any') qb.andWhere('c.assigneeId = :assignee', { assignee: query.assignee });
    if (query.label) {
      qb.andWhere('c.id IN (SELECT cl.conversation_id FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id WHERE l.name = :label)', { label: query.label });
    }
    const q = query.q?.trim();
    if (q) {
      // One id set per source so each uses its own index (trigram GIN on contacts and message bodies).
      // Message bodies are searched from 3 characters: shorter terms have no trigram to look up.
      const number = /^#?\d{1,9}$/.test(q) ? Number(q.replace('#', '')) : null;
      const sources = [
        `SELECT sc.id FROM conversations sc JOIN contacts s ON s.id = sc.contact_id
          WHERE s.name ILIKE :like OR s.email ILIKE :like OR s.phone ILIKE :like OR s.company ILIKE :like`,
        ...(q.length >= 3 ? ['SELECT m.conversation_id FROM messages m WHERE m.body ILIKE :like AND m.private = false'] : []),
        ...(number !== null ? ['SELECT n.id FROM conversations n WHERE n.display_id = :number'] : []),
      ];
      qb.andWhere(`c.id IN (${sources.join(' UNION ')})`, { like: likeContains(q), number });
    }
    if (query.cursor) {
      const k = decodeCursor(query.cursor);
      qb.andWhere('(c.lastActivityAt, c.id) < (:at, :cid)', { at: k.at, cid: k.id });
    }

    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const [labels, waiting] = await Promise.all([this.labelsOf(page.map((c) => c.id)), this.draftsWaiting(page.map((c) => c.id))]);
    const last = page[page.length - 1];
    return {
      items: page.map((c) => this.toDto(c, labels.get(c.id) ?? [], waiting.has(c.id))),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.lastActivityAt, id: last.id }) : null,
    };
  }

  async get(agent: AuthAgent, id: string): Promise<ConversationDto> {
    const c = await this.findVisible(agent, id, true);
    return this.toDto(c, (await this.labelsOf([id])).get(id) ?? [], (await this.draftsWaiting([id])).has(id));
  }

  async create(agent: AuthAgent, dto: CreateConversationDto): Promise<ConversationDto> {
    await this.inboxes.assertVisible(agent, dto.inboxId);
    if (!dto.contactId && !dto.contact) throw new AppException('validation_failed', 'contactId or contact is required', [{ field: 'contactId', errors: ['contactId or contact is required'] }]);
    if (dto.contactId) await this.contacts.find(dto.contactId);
    const actor: Actor = { type: 'agent', id: agent.id };
    const { conversationId, firstMessage } = await this.db.transaction(async (m) => {
      const contactId = dto.contactId ?? (await this.contacts.create(dto.contact!, actor, m)).id;
      const contactInbox = await this.contacts.findOrCreateInInbox(m, dto.inboxId, `contact:${contactId}`, async () => contactId);
      const conv = await this.open(m, { inboxId: dto.inboxId, contactId, contactInboxId: contactInbox.id, priority: dto.priority }, actor);
      const first = dto.message
        ? (await appendMessage(m, { conversationId: conv.id, messageType: 'incoming', senderType: 'contact', senderId: contactId, body: dto.message.body, clientMessageId: dto.message.clientMessageId ?? null })).message
        : null;
      return { conversationId: conv.id, firstMessage: first };
    });
    const conversation = await this.load(conversationId);
    this.events.emit(CONVERSATION_CREATED, { conversation } satisfies ConversationChangedEvent);
    if (firstMessage) {
      this.events.emit(MESSAGE_CREATED, {
        inboxId: conversation.inboxId,
        contactInboxId: firstMessage.contactInboxId!,
        message: toMessageDto(firstMessage),
      } satisfies MessageCreatedEvent);
    }
    return conversation;
  }

  /** A new open conversation with its first-response deadline, inside the caller's transaction. */
  async open(m: EntityManager, c: { inboxId: string; contactId: string; contactInboxId: string; priority?: Conversation['priority'] }, actor: Actor): Promise<Conversation> {
    const now = new Date();
    const priority = c.priority ?? 'medium';
    const conv = await m.save(m.create(Conversation, { ...c, priority, lastActivityAt: now, firstResponseDueAt: firstResponseDueAt(now, priority) }));
    await this.audit.record({ actor, action: 'conversation.created', entityType: 'conversation', entityId: conv.id }, m);
    return conv;
  }

  /** The contact inbox's latest conversation that is not resolved, if any. */
  async openConversationId(q: EntityManager | DataSource, contactInboxId: string): Promise<string | null> {
    const [open]: { id: string }[] = await q.query(`SELECT id FROM conversations WHERE contact_inbox_id = $1 AND status <> 'resolved' ORDER BY last_activity_at DESC LIMIT 1`, [contactInboxId]);
    return open?.id ?? null;
  }

  /**
   * A visitor's open conversation, or a new one. The contact inbox row lock (held until `m` commits)
   * keeps two racing first messages, or a message and a quote form, from opening two.
   * `beforeOpen` runs only when one is about to be opened (e.g. a per-IP limit).
   */
  async openOrContinue(
    m: EntityManager,
    v: { inboxId: string; contactId: string; contactInboxId: string },
    beforeOpen?: () => Promise<unknown>,
  ): Promise<{ conversationId: string; created: boolean }> {
    await m.query('SELECT id FROM contact_inboxes WHERE id = $1 FOR UPDATE', [v.contactInboxId]);
    const open = await this.openConversationId(m, v.contactInboxId);
    if (open) return { conversationId: open, created: false };
    await beforeOpen?.();
    const conversation = await this.open(m, { inboxId: v.inboxId, contactId: v.contactId, contactInboxId: v.contactInboxId }, { type: 'contact', id: v.contactId });
    return { conversationId: conversation.id, created: true };
  }

  /** Read receipt: the reader has seen up to `seq`; returns the new mark, or null for an unknown conversation. */
  async markRead(conversationId: string, reader: 'contact' | 'agent', seq: number): Promise<number | null> {
    const column = reader === 'contact' ? 'contact' : 'agent';
    const rows: { mark: number }[] = await this.db.query(
      `UPDATE conversations SET ${column}_last_read_seq = GREATEST(${column}_last_read_seq, LEAST($2, last_seq)), ${column}_unread_count = 0
       WHERE id = $1 RETURNING ${column}_last_read_seq AS mark`,
      [conversationId, seq],
    );
    const first = (Array.isArray(rows[0]) ? rows[0][0] : rows[0]) as { mark: number } | undefined;
    return first?.mark ?? null;
  }

  /** Status, priority, assignee, team, labels. Each change is audited and leaves an activity message in the thread. */
  async update(agent: AuthAgent, id: string, dto: UpdateConversationDto): Promise<ConversationDto> {
    await this.findVisible(agent, id);
    if (dto.assigneeId) {
      const assignee = await this.db.getRepository(Agent).findOne({ where: { id: dto.assigneeId, disabled: false } });
      if (!assignee) throw new AppException('validation_failed', 'assigneeId is not an active agent', [{ field: 'assigneeId', errors: ['unknown agent'] }]);
    }
    if (dto.teamId && !(await this.teams.exists(dto.teamId))) {
      throw new AppException('validation_failed', 'teamId is not a team', [{ field: 'teamId', errors: ['unknown team'] }]);
    }
    const labels = dto.labels ? await this.labels.findByNames(dto.labels) : undefined;
    const actor: Actor = { type: 'agent', id: agent.id };

    const changes = await this.db.transaction(async (m) => {
      const c = await m.findOne(Conversation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw new NotFoundException('Conversation', id);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (dto.status && dto.status !== c.status) {
        if (!canTransition(c.status, dto.status)) throw new AppException('invalid_transition', `A ${c.status} conversation cannot become ${dto.status}`);
        changes['status'] = { from: c.status, to: dto.status };
      }
      if (dto.priority && dto.priority !== c.priority) changes['priority'] = { from: c.priority, to: dto.priority };
      if (dto.assigneeId !== undefined && dto.assigneeId !== c.assigneeId) changes['assigneeId'] = { from: c.assigneeId, to: dto.assigneeId };
      if (dto.teamId !== undefined && dto.teamId !== c.teamId) changes['teamId'] = { from: c.teamId, to: dto.teamId };
      const patch = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to]));
      if (Object.keys(patch).length) await m.update(Conversation, id, patch);
      if (labels) {
        const before: { name: string }[] = await m.query('SELECT l.name FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id WHERE cl.conversation_id = $1 ORDER BY l.name', [id]);
        const from = before.map((r) => r.name);
        const to = labels.map((l) => l.name).sort();
        if (from.join('\u0000') !== to.join('\u0000')) {
          await m.query('DELETE FROM conversation_labels WHERE conversation_id = $1', [id]);
          if (labels.length) await m.query(`INSERT INTO conversation_labels (conversation_id, label_id) SELECT $1, unnest($2::uuid[])`, [id, labels.map((l) => l.id)]);
          changes['labels'] = { from, to };
        }
      }
      if (Object.keys(changes).length === 0) return changes;
      await this.audit.record({ actor, action: changes['status'] ? 'conversation.status_changed' : 'conversation.updated', entityType: 'conversation', entityId: id, changes }, m);
      await appendMessage(m, { conversationId: id, messageType: 'activity', senderType: 'system', senderId: agent.id, body: describe(changes, agent.name) });
      return changes;
    });

    const conversation = await this.load(id);
    if (Object.keys(changes).length) this.events.emit(CONVERSATION_UPDATED, { conversation, changes } satisfies ConversationChangedEvent);
    return conversation;
  }

  /**
   * What triage learned about the conversation: its category, and urgency raising the priority to
   * `urgent` (never lowering it). Urgency is audited and noted in the thread; the category is not noise-worthy.
   */
  async applyTriage(id: string, triage: { category: string; urgent: boolean }): Promise<void> {
    const actor: Actor = { type: 'system', id: null };
    const changes = await this.db.transaction(async (m) => {
      const c = await m.findOne(Conversation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) return {};
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (c.category !== triage.category) changes['category'] = { from: c.category, to: triage.category };
      if (triage.urgent && c.priority !== 'urgent') changes['priority'] = { from: c.priority, to: 'urgent' };
      const patch = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to]));
      if (Object.keys(patch).length) await m.update(Conversation, id, patch);
      if (changes['priority']) {
        await this.audit.record({ actor, action: 'conversation.updated', entityType: 'conversation', entityId: id, changes: { priority: changes['priority'] } }, m);
        await appendMessage(m, { conversationId: id, messageType: 'activity', senderType: 'system', senderId: null, body: 'AI triage marked this conversation urgent' });
      }
      return changes;
    });
    if (Object.keys(changes).length) this.events.emit(CONVERSATION_UPDATED, { conversation: await this.load(id), changes } satisfies ConversationChangedEvent);
  }

  async load(id: string): Promise<ConversationDto> {
    const c = await this.conversations.findOne({ where: { id }, relations: { contact: true, contactInbox: true } });
    if (!c) throw new NotFoundException('Conversation', id);
    const [labels, waiting] = await Promise.all([this.labelsOf([id]), this.draftsWaiting([id])]);
    return this.toDto(c, labels.get(id) ?? [], waiting.has(id));
  }

  private async labelsOf(ids: string[]): Promise<Map<string, LabelRef[]>> {
    const map = new Map<string, LabelRef[]>();
    if (!ids.length) return map;
    const rows: { conversation_id: string; id: string; name: string; color: string }[] = await this.db.query(
      'SELECT cl.conversation_id, l.id, l.name, l.color FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id WHERE cl.conversation_id = ANY($1::uuid[]) ORDER BY l.name',
      [ids],
    );
    for (const r of rows) map.set(r.conversation_id, [...(map.get(r.conversation_id) ?? []), { id: r.id, name: r.name, color: r.color }]);
    return map;
  }

  /** Conversations (of these) with an AI draft waiting for an agent. */
  private async draftsWaiting(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { conversation_id: string }[] = await this.db.query(`SELECT DISTINCT conversation_id FROM reply_drafts WHERE status = 'proposed' AND conversation_id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((r) => r.conversation_id));
  }

  /** How many conversations each list filter holds, within the inboxes the agent sees (optionally one inbox). */
  async counts(agent: AuthAgent, inboxId?: string): Promise<ConversationCountsDto> {
    const visible = await this.inboxes.visibleInboxIds(agent);
    const params: unknown[] = [];
    const where: string[] = [];
    if (visible) {
      params.push(visible);
      where.push(`c.inbox_id = ANY($${params.length}::uuid[])`);
    }
    if (inboxId) {
      params.push(inboxId);
      where.push(`c.inbox_id = $${params.length}`);
    }
    const scope = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const active = `c.status IN ('open', 'pending')`;
    const me = `$${params.length + 1}`;
    const [row] = await this.db.query(
      `SELECT count(*) FILTER (WHERE c.status = 'open')::int AS open,
              count(*) FILTER (WHERE c.status = 'pending')::int AS pending,
              count(*) FILTER (WHERE c.status = 'snoozed')::int AS snoozed,
              count(*) FILTER (WHERE c.status = 'resolved')::int AS resolved,
              count(*) FILTER (WHERE ${active} AND c.assignee_id = ${me})::int AS mine,
              count(*) FILTER (WHERE ${active} AND c.assignee_id IS NULL)::int AS unassigned,
              count(*) FILTER (WHERE ${active})::int AS "all",
              count(*) FILTER (WHERE ${active} AND c.priority = 'urgent')::int AS urgent,
              -- from the few waiting drafts (partial index), not a probe per conversation
              (SELECT count(DISTINCT d.conversation_id)::int FROM reply_drafts d JOIN conversations c ON c.id = d.conversation_id
                WHERE d.status = 'proposed' ${scope ? `AND ${where.join(' AND ')}` : ''}) AS draft_waiting
         FROM conversations c ${scope}`,
      [...params, agent.id],
    );
    const categories: { category: string; n: number }[] = await this.db.query(
      `SELECT c.category, count(*)::int AS n FROM conversations c ${scope ? `${scope} AND` : 'WHERE'} ${active} AND c.category IS NOT NULL GROUP BY c.category`,
      params,
    );
    return {
      status: { open: row.open, pending: row.pending, snoozed: row.snoozed, resolved: row.resolved },
      mine: row.mine,
      unassigned: row.unassigned,
      all: row.all,
      urgent: row.urgent,
      draftWaiting: row.draft_waiting,
      byCategory: Object.fromEntries(categories.map((r) => [r.category, r.n])),
    };
  }

  private toDto(c: Conversation, labels: LabelRef[], draftWaiting: boolean): ConversationDto {
    return {
      id: c.id,
      displayId: c.displayId,
      status: c.status,
      priority: c.priority,
      inboxId: c.inboxId,
      contact: { id: c.contact!.id, name: c.contact!.name, email: c.contact!.email, company: c.contact!.company },
      assigneeId: c.assigneeId,
      teamId: c.teamId,
      labels,
      category: c.category,
      draftWaiting,
      lastMessagePreview: c.lastMessagePreview,
      lastActivityAt: c.lastActivityAt.toISOString(),
      firstResponseDueAt: c.firstResponseDueAt?.toISOString() ?? null,
      firstRespondedAt: c.firstRespondedAt?.toISOString() ?? null,
      agentUnreadCount: c.agentUnreadCount,
      contactUnreadCount: c.contactUnreadCount,
      contactLastReadSeq: c.contactLastReadSeq,
      agentLastReadSeq: c.agentLastReadSeq,
      identityVerified: c.contactInbox?.hmacVerified ?? false,
      flow: c.flow ?? null,
      createdAt: c.createdAt.toISOString(),
    };
  }
}

/** The activity line shown in the thread, e.g. "Mina: status open → resolved". */
function describe(changes: Record<string, { from: unknown; to: unknown }>, who: string): string {
  const parts = Object.entries(changes).map(([k, v]) => {
    const show = (x: unknown) => (Array.isArray(x) ? (x.length ? x.join(', ') : '—') : (x ?? '—'));
    return `${k === 'assigneeId' ? 'assignee' : k === 'teamId' ? 'team' : k} ${show(v.from)} → ${show(v.to)}`;
  });
  return `${who}: ${parts.join('; ')}`;
}
