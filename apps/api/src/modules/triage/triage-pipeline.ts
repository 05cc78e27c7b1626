import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConversationTurn } from '@parley/ai';
import type { ConversationFlowState } from '@parley/shared/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { JobsService, type JobContext } from '../../core/jobs/jobs.service';
import { AiCategoriesService } from '../ai/ai-categories.service';
import { AI_QUEUE, AiService } from '../ai/ai.service';
import { ConversationsService } from '../conversations/conversations.service';
import { KnowledgeService } from '../knowledge/knowledge.service';
import { toMessage } from '../messages/append-message';
import type { Message } from '../messages/message.entity';
import { MESSAGE_CREATED, type MessageCreatedEvent } from '../messages/message.events';
import { REPLY_DRAFT_STREAMING, type ReplyDraftStreamingEvent } from '../reply-drafts/reply-draft.events';
import { ReplyDraftsService } from '../reply-drafts/reply-drafts.service';
import { decideWithFlow } from './flow-signal';
import { TriageService } from './triage.service';

/** A conversation's new questions (what its visitor sent since the last run), or one message again (regenerate). */
type AiJob = { conversationId: string } | { messageId: string };

const RETRY_LIMIT = 3;
/** How much of the conversation the classifier and drafter see. */
const CONTEXT_MESSAGES = 8;
/** Streamed draft text reaches the console at most this often. */
const STREAM_EMIT_MS = 150;
/** Incoming messages this recent without a triage result are queued at boot (e.g. seeded, or sent while the queue was down). */
const SWEEP_WINDOW = '7 days';
/** Messages one conversation job handles; a longer backlog continues in the next job. */
const MESSAGES_PER_JOB = 10;
const SWEEP_EVERY_MS = 5 * 60_000;

/**
 * The AI pipeline. An incoming contact message queues a durable job for its conversation (Postgres,
 * pg-boss, one waiting job per conversation: a visitor typing five lines in a row makes one job, not
 * five). A worker triages each message not triaged yet (TriageResult), and for the conversation's
 * latest question, when the category's policy is not `off`, drafts a reply (ReplyDraft, streamed to
 * the console) and sends it when the policy is `auto` and the confidence clears the threshold. Jobs
 * are idempotent: a rerun after a crash finds what was already stored. The chat path only enqueues.
 */
@Injectable()
export class TriagePipeline implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AiPipeline');
  private sweepTimer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly ai: AiService,
    private readonly categories: AiCategoriesService,
    private readonly triage: TriageService,
    private readonly drafts: ReplyDraftsService,
    private readonly conversations: ConversationsService,
    private readonly knowledge: KnowledgeService,
    private readonly events: EventEmitter2,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.createQueue(AI_QUEUE, { policy: 'short', retryLimit: RETRY_LIMIT, retryDelaySeconds: this.config.env.AI_JOB_RETRY_DELAY_SECONDS, expireInSeconds: this.config.env.AI_JOB_TIMEOUT_SECONDS });
    const concurrency = this.config.env.AI_WORKER_CONCURRENCY;
    if (concurrency > 0) {
      await this.jobs.work<AiJob>(AI_QUEUE, concurrency, (job) => this.run(job));
      const sweep = () => void this.sweep().catch((e: Error) => this.logger.warn(`queueing missed messages failed: ${e.message}`));
      sweep();
      // Messages whose enqueue failed (database blip) are picked up within minutes, not at the next boot.
      this.sweepTimer = setInterval(sweep, SWEEP_EVERY_MS);
      this.sweepTimer.unref();
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
  }

  @OnEvent(MESSAGE_CREATED, { async: true, suppressErrors: true })
  async onMessage({ message }: MessageCreatedEvent): Promise<void> {
    if (message.messageType !== 'incoming' || message.senderType !== 'contact' || message.private) return;
    await this.queueConversation(message.conversationId).catch((e: Error) => this.logger.warn(`could not queue conversation ${message.conversationId}: ${e.message} (the next sweep will)`));
  }

  /** Queues the message again (regenerating its draft); its triage is kept. */
  requeue(messageId: string): Promise<string | null> {
    return this.jobs.send<AiJob>(AI_QUEUE, { messageId }, { singletonKey: messageId });
  }

  private queueConversation(conversationId: string): Promise<void> {
    return this.jobs.enqueue<AiJob>(AI_QUEUE, { conversationId }, conversationId);
  }

  /** Queues conversations with incoming messages that have no triage result yet (seeded data, or the queue was unreachable when they arrived). */
  async sweep(): Promise<number> {
    const rows: { conversation_id: string }[] = await this.db.query(
      `SELECT DISTINCT m.conversation_id FROM messages m
        WHERE m.message_type = 'incoming' AND m.sender_type = 'contact' AND NOT m.private
          AND m.created_at > now() - interval '${SWEEP_WINDOW}'
          AND NOT EXISTS (SELECT 1 FROM triage_results t WHERE t.message_id = m.id)
          -- a job still waiting or running (perhaps on a process that died: it reruns when it expires)
          AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = '${AI_QUEUE}' AND j.singleton_key IN (m.conversation_id::text, m.id::text) AND j.state IN ('created', 'retry', 'active'))
        LIMIT 5000`,
    );
    await Promise.all(rows.map((r) => this.queueConversation(r.conversation_id)));
    if (rows.length) this.logger.log(`queued ${rows.length} conversations with messages without triage`);
    return rows.length;
  }

  async run(job: JobContext<AiJob>): Promise<void> {
    const select = 'SELECT m.*, c.inbox_id, c.flow AS conversation_flow FROM messages m JOIN conversations c ON c.id = m.conversation_id';
    const rows: Record<string, unknown>[] =
      'messageId' in job.data
        ? await this.db.query(`${select} WHERE m.id = $1`, [job.data.messageId])
        : await this.db.query(
            // Messages without a triage result, and the latest question (a rerun after a crash may still owe its draft).
            `${select} WHERE m.conversation_id = $1 AND m.message_type = 'incoming' AND m.sender_type = 'contact' AND NOT m.private
                AND m.created_at > now() - interval '${SWEEP_WINDOW}'
                AND (NOT EXISTS (SELECT 1 FROM triage_results t WHERE t.message_id = m.id)
                  OR m.seq = (SELECT max(l.seq) FROM messages l WHERE l.conversation_id = $1 AND l.message_type = 'incoming' AND l.sender_type = 'contact' AND NOT l.private))
              ORDER BY m.seq LIMIT ${MESSAGES_PER_JOB + 1}`,
            [job.data.conversationId],
          );
    // Oldest first, so the latest question (the one that gets a draft) comes last.
    for (const row of rows.slice(0, MESSAGES_PER_JOB)) await this.runOne(job, row);
    if (rows.length > MESSAGES_PER_JOB && 'conversationId' in job.data) await this.queueConversation(job.data.conversationId);
  }

  /** One message; on its last attempt a failure is recorded on the message and the job goes on with the next. */
  private async runOne(job: JobContext<AiJob>, row: Record<string, unknown>): Promise<void> {
    const attempt = job.retryCount + 1;
    const message = toMessage(row);
    const inboxId = row['inbox_id'] as string;
    try {
      await this.process(message, inboxId, attempt, (row['conversation_flow'] as ConversationFlowState | null) ?? null);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      if (job.retryCount < job.retryLimit) throw e;
      this.logger.error(`AI job for message ${message.id} failed for good after ${attempt} attempts: ${error}`);
      await this.triage.saveFailed(message, inboxId, error, attempt).catch(() => undefined);
      if ('messageId' in job.data) throw e;
    }
  }

  private async process(message: Message, inboxId: string, attempt: number, flow: ConversationFlowState | null): Promise<void> {
    const history = await this.history(message);
    const previous = history
      .filter((t) => t.role === 'contact')
      .map((t) => t.text)
      .slice(0, -1);

    let triage = await this.triage.findForMessage(message.id);
    if (triage?.status !== 'completed') {
      // The visitor's flow choice is a strong signal: a prior for the model, and the category unless the model is very sure of another.
      const flowChoice = flow?.category ?? flow?.choices[flow.choices.length - 1]?.label;
      const { output, meta } = await this.ai.classify({
        text: message.body,
        context: { previousMessages: previous, ...(flowChoice && { flowChoice }) },
      });
      const decision = decideWithFlow(output, flow?.category);
      triage = await this.triage.saveCompleted(message, inboxId, output, meta, attempt, decision);
      await this.conversations.applyTriage(message.conversationId, { category: decision.category, urgent: output.urgent });
    }
    // A flow button click is triaged for its category but is no question to answer: the flow answers it.
    if (message.content?.flowChoice) return;
    const category = triage.correctedCategory ?? triage.category ?? 'general';
    const policy = await this.categories.byKey(category);
    if (policy?.policy === 'off') return;
    if (await this.drafts.exists(message.id)) return; // drafted by an earlier run of this job
    if (!(await this.isLatestQuestion(message))) return; // a newer message will get the draft

    const retrieval = await this.knowledge.retrieve(message.body, { category, limit: 5 });
    const draftId = randomUUID();
    let lastEmit = 0;
    const { output: draft, meta } = await this.ai.draft(
      {
        conversation: history,
        sources: retrieval.passages,
        answerability: retrieval.answerability,
        category,
        language: triage.language ?? undefined,
        businessName: this.config.env.PARLEY_BUSINESS_NAME,
      },
      {
        onDelta: (text) => {
          const now = Date.now();
          if (now - lastEmit < STREAM_EMIT_MS) return;
          lastEmit = now;
          this.events.emit(REPLY_DRAFT_STREAMING, {
            draftId,
            conversationId: message.conversationId,
            inboxId,
            text,
          } satisfies ReplyDraftStreamingEvent);
        },
      },
    );
    await this.drafts.create({
      id: draftId,
      conversationId: message.conversationId,
      messageId: message.id,
      inboxId,
      category,
      draft,
      passages: retrieval.passages,
      meta,
    });

    const threshold = policy?.autoSendThreshold ?? 1;
    const autoSend =
      policy?.policy === 'auto' &&
      !triage.correctedCategory &&
      !triage.injectionSuspected &&
      !draft.needsHuman &&
      draft.sources.length > 0 &&
      (triage.confidence ?? 0) >= threshold &&
      draft.confidence >= threshold;
    if (autoSend && (await this.isLatestQuestion(message))) await this.drafts.autoSend(draftId, inboxId);
  }

  /** The conversation up to this message (contact and agent replies, no notes or activity), oldest first. */
  private async history(message: Message): Promise<ConversationTurn[]> {
    const rows: { message_type: string; body: string }[] = await this.db.query(
      `SELECT message_type, body FROM messages
        WHERE conversation_id = $1 AND seq <= $2 AND NOT private AND message_type IN ('incoming', 'outgoing')
        ORDER BY seq DESC LIMIT ${CONTEXT_MESSAGES}`,
      [message.conversationId, message.seq],
    );
    return rows.reverse().map((r) => ({ role: r.message_type === 'incoming' ? 'contact' : 'agent', text: r.body }));
  }

  private async isLatestQuestion(message: Message): Promise<boolean> {
    const [newer] = await this.db.query(
      `SELECT 1 FROM messages WHERE conversation_id = $1 AND seq > $2 AND message_type IN ('incoming', 'outgoing') AND NOT private LIMIT 1`,
      [message.conversationId, message.seq],
    );
    return !newer;
  }
}
