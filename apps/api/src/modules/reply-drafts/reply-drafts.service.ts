import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { AiCallMeta, Draft, RetrievedPassage } from '@parley/ai';
import type { MessageDto, Page, ReplyDraftDto, ReviewLogEntryDto } from '@parley/shared/contracts';
import { LIMITS } from '@parley/shared/domain';
import { stringify } from 'csv-stringify/sync';
import { DataSource, type EntityManager, Not, Repository } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service';
import type { AuthAgent } from '../../core/auth/decorators';
import { decodeCursor, encodeCursor } from '../../core/database/cursor';
import { AppException, NotFoundException } from '../../core/errors/app.exception';
import { runColumns, toAiRun } from '../ai/ai-run';
import { AiService } from '../ai/ai.service';
import { ConversationsService } from '../conversations/conversations.service';
import { InboxesService } from '../inboxes/inboxes.service';
import { appendMessage } from '../messages/append-message';
import { MessagesService } from '../messages/messages.service';
import { REPLY_DRAFT_CREATED, REPLY_DRAFT_UPDATED, type ReplyDraftChangedEvent } from './reply-draft.events';
import { ReplyDraft } from './reply-draft.entity';
import type { ReviewLogQueryDto } from './reply-draft.dto';

const CSV_MAX_ROWS = 50_000;

/** AI-proposed replies: stored for review, approved (as is or edited), rejected, or sent by policy. */
@Injectable()
export class ReplyDraftsService {
  constructor(
    @InjectRepository(ReplyDraft) private readonly drafts: Repository<ReplyDraft>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly inboxes: InboxesService,
    private readonly messages: MessagesService,
    private readonly ai: AiService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  toDto(d: ReplyDraft): ReplyDraftDto {
    return {
      id: d.id,
      conversationId: d.conversationId,
      messageId: d.messageId,
      status: d.status,
      body: d.body,
      sources: d.sources,
      confidence: d.confidence,
      needsHuman: d.needsHuman,
      reason: d.reason,
      detail: d.detail,
      category: d.category,
      finalBody: d.finalBody,
      sentMessageId: d.sentMessageId,
      reviewedById: d.reviewedById,
      reviewedAt: d.reviewedAt?.toISOString() ?? null,
      rejectReason: d.rejectReason,
      flag: d.flaggedAt ? { note: d.flagNote ?? '', byId: d.flaggedById, at: d.flaggedAt.toISOString() } : null,
      run: toAiRun(d),
      createdAt: d.createdAt.toISOString(),
    };
  }

  /** A live (not superseded) draft exists for the message: a rerun of its job must not draft again. */
  exists(messageId: string): Promise<boolean> {
    return this.drafts.exists({ where: { messageId, status: Not('superseded') } });
  }

  /**
   * Stores a new draft for the conversation's latest contact message; earlier drafts still waiting in
   * the same conversation are superseded (the newer one answers the conversation as it is now).
   */
  async create(input: { id: string; conversationId: string; messageId: string; inboxId: string; category: string | null; draft: Draft; passages: RetrievedPassage[]; meta: AiCallMeta }): Promise<ReplyDraft> {
    const kindOf = new Map(input.passages.map((p) => [p.sourceId, p.kind]));
    const superseded = await this.db.transaction(async (m) => {
      const stale: ReplyDraft[] = await m.getRepository(ReplyDraft).find({ where: { conversationId: input.conversationId, status: 'proposed' } });
      if (stale.length) await m.update(ReplyDraft, stale.map((d) => d.id), { status: 'superseded' });
      await m.insert(ReplyDraft, {
        id: input.id,
        conversationId: input.conversationId,
        messageId: input.messageId,
        status: 'proposed',
        body: input.draft.body,
        sources: input.draft.sources.map((s) => ({ id: s.id, kind: kindOf.get(s.id) ?? 'article', title: s.title, score: s.score })),
        confidence: input.draft.confidence,
        needsHuman: input.draft.needsHuman,
        reason: input.draft.reason,
        detail: input.draft.detail ?? null,
        category: input.category,
        ...runColumns(input.meta),
      });
      return stale.map((d) => d.id);
    });
    for (const id of superseded) await this.emitUpdated(id, input.inboxId);
    const created = await this.drafts.findOneByOrFail({ id: input.id });
    this.events.emit(REPLY_DRAFT_CREATED, { draft: this.toDto(created), inboxId: input.inboxId } satisfies ReplyDraftChangedEvent);
    return created;
  }

  async listForConversation(agent: AuthAgent, conversationId: string): Promise<ReplyDraftDto[]> {
    await this.conversations.findVisible(agent, conversationId);
    return (await this.drafts.find({ where: { conversationId }, order: { createdAt: 'ASC' }, take: 500 })).map((d) => this.toDto(d));
  }

  /** Sends the draft (or the agent's edit of it) as the agent's reply; exactly once, however often it is clicked. */
  async approve(agent: AuthAgent, id: string, editedBody?: string): Promise<{ draft: ReplyDraftDto; message: MessageDto }> {
    const draft = await this.visibleDraft(agent, id);
    const body = editedBody ?? draft.body;
    if (!body.trim()) throw new AppException('message_empty', 'The reply is empty');
    const status = editedBody !== undefined && editedBody !== draft.body ? 'edited' : 'approved';
    const sent = await this.db.transaction(async (m) => {
      const locked = await this.lockProposed(m, id);
      const result = await appendMessage(m, { conversationId: locked.conversationId, messageType: 'outgoing', senderType: 'agent', senderId: agent.id, body, clientMessageId: id });
      await m.update(ReplyDraft, id, { status, finalBody: body, sentMessageId: result.message.id, reviewedById: agent.id, reviewedAt: new Date() });
      await this.audit.record({ actor: { type: 'agent', id: agent.id }, action: `reply_draft.${status}`, entityType: 'reply_draft', entityId: id, changes: status === 'edited' ? { body: { from: draft.body, to: body } } : undefined }, m);
      return result;
    });
    const inboxId = await this.inboxOf(draft.conversationId);
    const message = this.messages.announce(sent, inboxId);
    // What an agent approved is the best evidence of how this business answers: it becomes a source.
    const [question] = await this.db.query('SELECT body FROM messages WHERE id = $1', [draft.messageId]);
    await this.ai.upsertApprovedReply({ id, question: question?.body ?? '', answer: body, category: draft.category ?? undefined });
    return { draft: await this.emitUpdated(id, inboxId, message), message };
  }

  async reject(agent: AuthAgent, id: string, reason?: string): Promise<ReplyDraftDto> {
    const draft = await this.visibleDraft(agent, id);
    await this.db.transaction(async (m) => {
      await this.lockProposed(m, id);
      await m.update(ReplyDraft, id, { status: 'rejected', rejectReason: reason ?? null, reviewedById: agent.id, reviewedAt: new Date() });
      await this.audit.record({ actor: { type: 'agent', id: agent.id }, action: 'reply_draft.rejected', entityType: 'reply_draft', entityId: id, changes: reason ? { reason } : undefined }, m);
    });
    return this.emitUpdated(id, await this.inboxOf(draft.conversationId));
  }

  /** Marks an answer as wrong, whatever became of it, so the owner can find and fix it in the review log. */
  async flag(agent: AuthAgent, id: string, note: string): Promise<ReplyDraftDto> {
    const draft = await this.visibleDraft(agent, id);
    await this.db.transaction(async (m) => {
      await m.update(ReplyDraft, id, { flagNote: note, flaggedById: agent.id, flaggedAt: new Date() });
      await this.audit.record({ actor: { type: 'agent', id: agent.id }, action: 'reply_draft.flagged', entityType: 'reply_draft', entityId: id, changes: { note } }, m);
    });
    return this.emitUpdated(id, await this.inboxOf(draft.conversationId));
  }

  /** Supersedes a waiting draft so the pipeline drafts the message again (after the knowledge changed, say). */
  async supersedeForRegeneration(agent: AuthAgent, id: string): Promise<ReplyDraft> {
    const draft = await this.visibleDraft(agent, id);
    await this.db.transaction(async (m) => {
      await this.lockProposed(m, id);
      await m.update(ReplyDraft, id, { status: 'superseded', reviewedById: agent.id, reviewedAt: new Date() });
      await this.audit.record({ actor: { type: 'agent', id: agent.id }, action: 'reply_draft.regenerated', entityType: 'reply_draft', entityId: id }, m);
    });
    await this.emitUpdated(id, await this.inboxOf(draft.conversationId));
    return draft;
  }

  /** The category's policy allows it: sent as the business's bot reply, no approval. Never twice. */
  async autoSend(id: string, inboxId: string): Promise<MessageDto | null> {
    const sent = await this.db.transaction(async (m) => {
      const [row] = await m.query(`SELECT * FROM reply_drafts WHERE id = $1 FOR UPDATE`, [id]);
      if (!row || row.status !== 'proposed') return null;
      const result = await appendMessage(m, { conversationId: row.conversation_id, messageType: 'outgoing', senderType: 'bot', senderId: null, body: row.body });
      await m.update(ReplyDraft, id, { status: 'auto_sent', finalBody: row.body, sentMessageId: result.message.id });
      await this.audit.record({ actor: { type: 'system', id: null }, action: 'reply_draft.auto_sent', entityType: 'reply_draft', entityId: id }, m);
      return result;
    });
    if (!sent) return null;
    const message = this.messages.announce(sent, inboxId);
    await this.emitUpdated(id, inboxId, message);
    return message;
  }

  /** Every customer question beside the AI's answer and what became of it, newest first. */
  async reviewLog(agent: AuthAgent, query: ReviewLogQueryDto): Promise<Page<ReviewLogEntryDto>> {
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const { sql, params } = await this.reviewQuery(agent, query, limit + 1);
    const rows: ReviewRow[] = await this.db.query(sql, params);
    const items = rows.slice(0, limit).map((r) => this.toReviewEntry(r));
    const last = rows.length > limit ? rows[limit - 1] : null;
    return { items, nextCursor: last ? encodeCursor({ at: new Date(last.created_at), id: last.id }) : null };
  }

  async reviewCsv(agent: AuthAgent, query: ReviewLogQueryDto): Promise<string> {
    const { sql, params } = await this.reviewQuery(agent, { ...query, cursor: undefined }, CSV_MAX_ROWS);
    const rows: ReviewRow[] = await this.db.query(sql, params);
    const entries = rows.map((r) => this.toReviewEntry(r));
    return stringify(
      entries.map((e) => [
        e.draft.createdAt,
        `#${e.conversationDisplayId}`,
        e.question,
        e.triage?.category ?? '',
        e.triage?.confidence ?? '',
        e.triage?.correctedCategory ?? '',
        e.draft.body,
        e.draft.status,
        e.draft.finalBody ?? '',
        e.draft.confidence,
        e.draft.needsHuman ? 'yes' : 'no',
        e.draft.reason,
        e.draft.sources.map((s) => s.title).join(' | '),
        e.draft.run ? `${e.draft.run.provider}:${e.draft.run.model}` : '',
        e.draft.run?.fallbackError ?? '',
        e.draft.reviewedById ?? '',
        e.draft.flag?.note ?? '',
      ]),
      {
        header: true,
        columns: ['created_at', 'conversation', 'question', 'category', 'category_confidence', 'corrected_category', 'ai_draft', 'status', 'sent_text', 'draft_confidence', 'needs_human', 'reason', 'sources', 'model', 'fallback_error', 'reviewed_by', 'flag_note'],
        // Spreadsheet apps execute cells starting with = + - @: customer text is data, never a formula.
        cast: { string: (v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v) },
      },
    );
  }

  private async reviewQuery(agent: AuthAgent, query: ReviewLogQueryDto, limit: number): Promise<{ sql: string; params: unknown[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    const visible = await this.inboxes.visibleInboxIds(agent);
    if (visible) add('c.inbox_id = ANY(?::uuid[])', visible);
    if (query.status) add('d.status = ?', query.status);
    if (query.category) add('coalesce(t.corrected_category, d.category) = ?', query.category);
    if (query.from) add('d.created_at >= ?', new Date(query.from));
    if (query.to) add('d.created_at < ?', new Date(query.to));
    if (query.minConfidence !== undefined) add('d.confidence >= ?', query.minConfidence);
    if (query.maxConfidence !== undefined) add('d.confidence <= ?', query.maxConfidence);
    if (query.reviewedById) add('d.reviewed_by_id = ?', query.reviewedById);
    if (query.flagged !== undefined) where.push(query.flagged ? 'd.flagged_at IS NOT NULL' : 'd.flagged_at IS NULL');
    if (query.cursor) {
      const k = decodeCursor(query.cursor);
      params.push(k.at, k.id);
      where.push(`(d.created_at, d.id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(limit);
    const sql = `SELECT d.*, m.body AS question, c.display_id, t.category AS t_category, t.confidence AS t_confidence, t.corrected_category AS t_corrected,
                        t.urgent AS t_urgent, t.sentiment AS t_sentiment, t.language AS t_language, t.id AS t_id
                   FROM reply_drafts d
                   JOIN messages m ON m.id = d.message_id
                   JOIN conversations c ON c.id = d.conversation_id
                   LEFT JOIN triage_results t ON t.message_id = d.message_id
                  ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                  ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.length}`;
    return { sql, params };
  }

  private toReviewEntry(r: ReviewRow): ReviewLogEntryDto {
    const draft = this.drafts.create({
      id: r.id,
      conversationId: r.conversation_id,
      messageId: r.message_id,
      status: r.status,
      body: r.body,
      sources: r.sources,
      confidence: r.confidence,
      needsHuman: r.needs_human,
      reason: r.reason,
      detail: r.detail,
      category: r.category,
      finalBody: r.final_body,
      sentMessageId: r.sent_message_id,
      reviewedById: r.reviewed_by_id,
      reviewedAt: r.reviewed_at ? new Date(r.reviewed_at) : null,
      rejectReason: r.reject_reason,
      flagNote: r.flag_note,
      flaggedById: r.flagged_by_id,
      flaggedAt: r.flagged_at ? new Date(r.flagged_at) : null,
      provider: r.provider,
      model: r.model,
      promptVersion: r.prompt_version,
      latencyMs: r.latency_ms,
      fallbackError: r.fallback_error,
      createdAt: new Date(r.created_at),
    });
    return {
      draft: this.toDto(draft),
      question: r.question,
      conversationDisplayId: r.display_id,
      triage: r.t_id
        ? { category: r.t_category, confidence: r.t_confidence, correctedCategory: r.t_corrected, urgent: r.t_urgent ?? false, sentiment: r.t_sentiment, language: r.t_language }
        : null,
    };
  }

  private async visibleDraft(agent: AuthAgent, id: string): Promise<ReplyDraft> {
    const draft = await this.drafts.findOne({ where: { id } });
    if (!draft) throw new NotFoundException('Reply draft', id);
    await this.conversations.findVisible(agent, draft.conversationId).catch(() => {
      throw new NotFoundException('Reply draft', id);
    });
    return draft;
  }

  private async lockProposed(m: EntityManager, id: string): Promise<ReplyDraft> {
    const locked = await m.findOne(ReplyDraft, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!locked) throw new NotFoundException('Reply draft', id);
    if (locked.status !== 'proposed') throw new AppException('conflict', `This draft was already ${locked.status.replace('_', ' ')}`, { status: locked.status });
    return locked;
  }

  private async inboxOf(conversationId: string): Promise<string> {
    const [row] = await this.db.query('SELECT inbox_id FROM conversations WHERE id = $1', [conversationId]);
    return row.inbox_id;
  }

  private async emitUpdated(id: string, inboxId: string, message?: MessageDto): Promise<ReplyDraftDto> {
    const dto = this.toDto(await this.drafts.findOneByOrFail({ id }));
    this.events.emit(REPLY_DRAFT_UPDATED, { draft: dto, inboxId, message } satisfies ReplyDraftChangedEvent);
    return dto;
  }
}

interface ReviewRow {
  id: string;
  conversation_id: string;
  message_id: string;
  status: ReplyDraft['status'];
  body: string;
  sources: ReplyDraft['sources'];
  confidence: number;
  needs_human: boolean;
  reason: string;
  detail: string | null;
  category: string | null;
  final_body: string | null;
  sent_message_id: string | null;
  reviewed_by_id: string | null;
  reviewed_at: string | null;
  reject_reason: string | null;
  flag_note: string | null;
  flagged_by_id: string | null;
  flagged_at: string | null;
  provider: 'openai' | 'offline' | null;
  model: string | null;
  prompt_version: string | null;
  latency_ms: number | null;
  fallback_error: string | null;
  created_at: string;
  question: string;
  display_id: number;
  t_id: string | null;
  t_category: string | null;
  t_confidence: number | null;
  t_corrected: string | null;
  t_urgent: boolean | null;
  t_sentiment: 'negative' | 'neutral' | 'positive' | null;
  t_language: 'ko' | 'en' | 'mixed' | null;
}
