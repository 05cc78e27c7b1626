import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  createAiRuntime,
  type AiCallMeta,
  type AiRuntime,
  type ApprovedReplyInput,
  type CategoryDefinition,
  type ClassifyInput,
  type Draft,
  type DraftCallOptions,
  type DraftInput,
  type KnowledgeArticleInput,
  type LabelledExample,
  type RetrievalResult,
  type RetrieveOptions,
  type TriageOutput,
} from '@parley/ai';
import type { AiStatusDto } from '@parley/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { JobsService } from '../../core/jobs/jobs.service';
import { SeedService } from '../../core/database/seeds/seed.service';
import { OfflineAiHost } from './offline-ai.host';

export const AI_QUEUE = 'ai-process';

/**
 * The AI as the rest of the API sees it: triage, retrieval, drafting and embeddings through the
 * runtime (the OpenAI-compatible model when configured, the offline model otherwise and as its
 * fallback), plus the offline model's index and training. Loads its data once seeding is done.
 */
@Injectable()
export class AiService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Ai');
  private readonly runtime: AiRuntime;
  private retrainTimer?: NodeJS.Timeout;
  private retraining: Promise<unknown> | null = null;
  private settle!: () => void;
  /** Resolves once the offline model is trained and the knowledge indexed. */
  readonly ready = new Promise<void>((resolve) => {
    this.settle = resolve;
  });

  constructor(
    private readonly config: AppConfig,
    private readonly host: OfflineAiHost,
    private readonly seed: SeedService,
    private readonly jobs: JobsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    const env = config.env;
    this.runtime = createAiRuntime({
      offline: { classifier: host.classifier, drafter: host.drafter },
      openai: env.AI_BASE_URL
        ? {
            baseURL: env.AI_BASE_URL,
            apiKey: env.AI_API_KEY ?? 'not-needed',
            chatModel: env.AI_CHAT_MODEL ?? '',
            embedModel: env.AI_EMBED_MODEL,
            timeoutMs: env.AI_TIMEOUT_MS,
            // Definitions (label, description) help a remote model; the offline model's labels until they load.
            categories: () => (this.categoryDefinitions.length ? this.categoryDefinitions : host.info().categories),
          }
        : undefined,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Not awaited: training takes seconds and must not hold up the HTTP server; jobs wait on `ready`.
    // A process that runs no AI jobs trains only when something asks (knowledge search, a retrain).
    if (this.config.env.AI_WORKER_CONCURRENCY > 0) void this.whenReady();
  }

  private loading: Promise<void> | null = null;
  private categoryDefinitions: CategoryDefinition[] = [];

  /** Called when an admin changes categories, so a remote model's prompt names them as they are now. */
  setCategories(list: { key: string; label: string; description: string | null }[]): void {
    this.categoryDefinitions = list.map((c) => ({ id: c.key, label: c.label, description: c.description ?? undefined }));
  }

  /** Starts loading (once) and resolves when the offline model is trained and the knowledge indexed. */
  private whenReady(): Promise<void> {
    this.loading ??= this.loadUntilReady();
    return this.ready;
  }

  /** A database hiccup at boot must not leave the AI dead until a restart: keep trying, with backoff. */
  private async loadUntilReady(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.load();
        this.settle();
        return;
      } catch (e) {
        const delay = Math.min(60_000, 1_000 * 2 ** attempt);
        this.logger.error(`offline AI failed to load (attempt ${attempt}, next in ${delay / 1000} s): ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, delay).unref());
      }
    }
  }

  private async load(): Promise<void> {
    await this.seed.completed;
    const [examples, articles, approvedReplies, categories] = await Promise.all([
      this.trainingExamples(),
      this.articles(),
      this.approvedReplies(),
      this.db.query('SELECT key, label, description FROM ai_categories ORDER BY position'),
    ]);
    this.setCategories(categories);
    await this.host.init({ examples, articles, approvedReplies, businessName: this.config.env.PARLEY_BUSINESS_NAME });
  }

  async classify(input: ClassifyInput): Promise<{ output: TriageOutput; meta: AiCallMeta }> {
    await this.whenReady();
    return this.runtime.classify(input);
  }

  async retrieve(query: string, options?: RetrieveOptions): Promise<RetrievalResult> {
    await this.whenReady();
    return this.host.run({ kind: 'retrieve', query, options });
  }

  async draft(input: DraftInput, options?: DraftCallOptions): Promise<{ output: Draft; meta: AiCallMeta }> {
    await this.whenReady();
    return this.runtime.draft(input, options);
  }

  embed(texts: string[]): Promise<{ vectors: number[][]; model: string } | null> {
    return this.config.env.AI_EMBED_MODEL ? this.runtime.embed(texts) : Promise.resolve(null);
  }

  async upsertArticle(article: KnowledgeArticleInput): Promise<void> {
    await this.whenReady();
    await this.host.run({ kind: 'upsertArticle', article });
  }

  async upsertApprovedReply(reply: ApprovedReplyInput): Promise<void> {
    await this.whenReady();
    await this.host.run({ kind: 'upsertApprovedReply', reply });
  }

  async removeSource(sourceId: string): Promise<void> {
    await this.whenReady();
    await this.host.run({ kind: 'remove', sourceId });
  }

  /** Stores an agent's correction as a labelled example (a later correction of the same message replaces it) and retrains soon. */
  async recordCorrection(m: EntityManager, example: { text: string; category: string; messageId: string; agentId: string }): Promise<void> {
    await m.query(
      `INSERT INTO training_examples (text, category, source, message_id, created_by_id) VALUES ($1, $2, 'correction', $3, $4)
       ON CONFLICT (message_id) WHERE message_id IS NOT NULL DO UPDATE SET category = EXCLUDED.category, created_by_id = EXCLUDED.created_by_id, created_at = now()`,
      [example.text, example.category, example.messageId, example.agentId],
    );
  }

  /** Retrains after corrections stop arriving for a moment; training runs off the main thread. */
  scheduleRetrain(): void {
    clearTimeout(this.retrainTimer);
    this.retrainTimer = setTimeout(() => void this.retrainNow().catch((e: Error) => this.logger.error(`retraining failed: ${e.message}`)), this.config.env.AI_RETRAIN_DEBOUNCE_MS);
    this.retrainTimer.unref();
  }

  async retrainNow(): Promise<void> {
    await this.whenReady();
    // One at a time; a retrain asked for meanwhile runs after, with every example by then.
    const previous = this.retraining ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      const info = await this.host.retrain(await this.trainingExamples());
      this.logger.log(`offline model retrained: ${info.version}, ${info.trainingSetSize} examples`);
    });
    this.retraining = next;
    try {
      await next;
    } finally {
      if (this.retraining === next) this.retraining = null;
    }
  }

  async status(): Promise<AiStatusDto> {
    const env = this.config.env;
    const info = this.host.loadedInfo;
    const offline: AiStatusDto['offlineModel'] = info
      ? { model: info.model, version: info.version, trainingSetSize: info.trainingSetSize, categories: info.categories, trainedAt: this.host.trainedAt?.toISOString() ?? null, retraining: this.retraining !== null }
      : // Still training at boot, or a process that runs no AI jobs and has not needed the model yet.
        { model: 'offline', version: this.loading ? 'loading' : 'not loaded in this process', trainingSetSize: 0, categories: [], trainedAt: null, retraining: this.loading !== null };
    return {
      provider: this.runtime.primary,
      chatModel: env.AI_BASE_URL ? (env.AI_CHAT_MODEL ?? null) : null,
      embedModel: env.AI_BASE_URL ? (env.AI_EMBED_MODEL ?? null) : null,
      offlineModel: offline,
      queue: await this.jobs.counts(AI_QUEUE),
    };
  }

  /** The workspace's own examples: agent corrections and new categories' seeds (the starter set ships in the model). */
  private async trainingExamples(): Promise<LabelledExample[]> {
    const rows: { text: string; category: string; source: string }[] = await this.db.query('SELECT text, category, source FROM training_examples ORDER BY created_at');
    return rows.map((r) => ({ text: r.text, category: r.category, source: r.source }));
  }

  private async articles(): Promise<KnowledgeArticleInput[]> {
    const rows: { id: string; title: string; body: string; locale: string | null; tags: string[] }[] = await this.db.query('SELECT id, title, body, locale, tags FROM knowledge_articles');
    return rows.map((r) => ({ id: r.id, title: r.title, body: r.body, lang: r.locale ?? undefined, tags: r.tags }));
  }

  /** Replies agents approved (as sent), with the question they answered: the model's best examples of the house style. */
  private async approvedReplies(): Promise<ApprovedReplyInput[]> {
    const rows: { id: string; question: string; answer: string; category: string | null }[] = await this.db.query(
      `SELECT d.id, m.body AS question, coalesce(d.final_body, d.body) AS answer, d.category
         FROM reply_drafts d JOIN messages m ON m.id = d.message_id
        WHERE d.status IN ('approved', 'edited') ORDER BY d.created_at DESC LIMIT 5000`,
    );
    return rows.map((r) => ({ id: r.id, question: r.question, answer: r.answer, category: r.category ?? undefined }));
  }
}
