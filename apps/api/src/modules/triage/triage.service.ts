import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { AiCallMeta, TriageOutput } from '@parley/ai';
import type { TriageResultDto } from '@parley/shared/contracts';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service';
import type { AuthAgent } from '../../core/auth/decorators';
import { AppException, NotFoundException } from '../../core/errors/app.exception';
import { AiCategoriesService } from '../ai/ai-categories.service';
import { runColumns, toAiRun } from '../ai/ai-run';
import { AiService } from '../ai/ai.service';
import { ConversationsService } from '../conversations/conversations.service';
import { Message } from '../messages/message.entity';
import type { TriageDecision } from './flow-signal';
import { TriageResult } from './triage-result.entity';
import { TRIAGE_COMPLETED, TRIAGE_FAILED, type TriageChangedEvent } from './triage.events';

/** Stored triage results: what the pipeline wrote, what agents read, and their corrections. */
@Injectable()
export class TriageService {
  constructor(
    @InjectRepository(TriageResult) private readonly results: Repository<TriageResult>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly categories: AiCategoriesService,
    private readonly ai: AiService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  toDto(r: TriageResult): TriageResultDto {
    return {
      id: r.id,
      messageId: r.messageId,
      conversationId: r.conversationId,
      status: r.status,
      category: r.category,
      confidence: r.confidence,
      sentiment: r.sentiment,
      urgent: r.urgent,
      language: r.language,
      entities: r.entities,
      injectionSuspected: r.injectionSuspected,
      signal: r.signal,
      correctedCategory: r.correctedCategory,
      correctedById: r.correctedById,
      error: r.error,
      attempts: r.attempts,
      run: toAiRun(r),
      createdAt: r.createdAt.toISOString(),
    };
  }

  findForMessage(messageId: string): Promise<TriageResult | null> {
    return this.results.findOne({ where: { messageId } });
  }

  /**
   * Stores a completed triage (replacing a failed attempt of the same message) and tells the agents.
   * `decision` is the category actually stored when something beside the model decided it (a flow choice).
   */
  async saveCompleted(message: Message, inboxId: string, output: TriageOutput, meta: AiCallMeta, attempts: number, decision?: TriageDecision): Promise<TriageResult> {
    const row = {
      messageId: message.id,
      conversationId: message.conversationId,
      status: 'completed' as const,
      category: decision?.category ?? output.category,
      confidence: decision ? decision.confidence : output.confidence,
      signal: decision?.signal ?? null,
      sentiment: output.sentiment,
      urgent: output.urgent,
      language: output.language,
      entities: output.entities,
      scores: output.scores ?? null,
      injectionSuspected: output.injectionSuspected ?? false,
      error: null,
      attempts,
      ...runColumns(meta),
    };
    await this.results.upsert(row, { conflictPaths: ['messageId'] });
    const saved = await this.results.findOneOrFail({ where: { messageId: message.id } });
    this.events.emit(TRIAGE_COMPLETED, { triage: this.toDto(saved), inboxId } satisfies TriageChangedEvent);
    return saved;
  }

  /** The last attempt failed: recorded with its error so agents see it (a later success replaces it). */
  async saveFailed(message: Pick<Message, 'id' | 'conversationId'>, inboxId: string, error: string, attempts: number): Promise<void> {
    const existing = await this.findForMessage(message.id);
    if (existing?.status === 'completed') return;
    await this.results.upsert({ messageId: message.id, conversationId: message.conversationId, status: 'failed', error: error.slice(0, 2000), attempts }, { conflictPaths: ['messageId'] });
    const saved = await this.results.findOneOrFail({ where: { messageId: message.id } });
    this.events.emit(TRIAGE_FAILED, { triage: this.toDto(saved), inboxId } satisfies TriageChangedEvent);
  }

  async listForConversation(agent: AuthAgent, conversationId: string): Promise<TriageResultDto[]> {
    await this.conversations.findVisible(agent, conversationId);
    return (await this.results.find({ where: { conversationId }, order: { createdAt: 'ASC' }, take: 500 })).map((r) => this.toDto(r));
  }

  /**
   * An agent's correction: the result keeps the model's answer beside the correction, the message
   * becomes a labelled training example, the conversation takes the corrected category, and the
   * offline model retrains in the background.
   */
  async correct(agent: AuthAgent, id: string, category: string): Promise<TriageResultDto> {
    const result = await this.results.findOne({ where: { id } });
    if (!result) throw new NotFoundException('Triage result', id);
    const conversation = await this.conversations.findVisible(agent, result.conversationId);
    if (!(await this.categories.byKey(category))) {
      throw new AppException('validation_failed', `Unknown category ${category}`, [{ field: 'category', errors: ['not a category of this workspace'] }]);
    }
    const message = await this.db.getRepository(Message).findOneOrFail({ where: { id: result.messageId } });
    await this.db.transaction(async (m) => {
      await m.update(TriageResult, id, { correctedCategory: category, correctedById: agent.id, correctedAt: new Date() });
      await this.ai.recordCorrection(m, { text: message.body, category, messageId: message.id, agentId: agent.id });
      await this.audit.record({ actor: { type: 'agent', id: agent.id }, action: 'triage.corrected', entityType: 'triage_result', entityId: id, changes: { category: { from: result.correctedCategory ?? result.category, to: category } } }, m);
    });
    this.ai.scheduleRetrain();
    // The conversation follows its latest incoming message's category.
    const [latest] = await this.db.query(`SELECT id FROM messages WHERE conversation_id = $1 AND message_type = 'incoming' AND NOT private ORDER BY seq DESC LIMIT 1`, [result.conversationId]);
    if (latest?.id === result.messageId) await this.conversations.applyTriage(result.conversationId, { category, urgent: false });
    const saved = await this.results.findOneOrFail({ where: { id } });
    this.events.emit(TRIAGE_COMPLETED, { triage: this.toDto(saved), inboxId: conversation.inboxId } satisfies TriageChangedEvent);
    return this.toDto(saved);
  }
}
