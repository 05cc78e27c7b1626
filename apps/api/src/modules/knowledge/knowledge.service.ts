import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { chunkArticle, cosineSimilarity, fuseRankings, type RetrievalResult, type RetrieveOptions } from '@parley/ai';
import type { ArticleSuggestionDto, KnowledgeArticleDto as ArticleDto, KnowledgeImportResult, KnowledgeSearchResult } from '@parley/shared/contracts';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { AuditService, type Actor } from '../../core/audit/audit.service';
import { SeedService } from '../../core/database/seeds/seed.service';
import { NotFoundException } from '../../core/errors/app.exception';
import { AiService } from '../ai/ai.service';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeChunk } from './knowledge-chunk.entity';
import type { KnowledgeArticleDto, UpdateKnowledgeArticleDto } from './knowledge.dto';

/** Dense candidates per query when an embedder is configured (fused with BM25 by reciprocal rank). */
const DENSE_CANDIDATES = 20;

/**
 * The business's knowledge: articles (CRUD and file import), their chunks and embeddings, and the
 * retrieval the drafter grounds its replies in (BM25 from the offline index, fused with dense vectors
 * when an embedding model is configured: pgvector when the server has it, otherwise cosine in process).
 */
@Injectable()
export class KnowledgeService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Knowledge');
  private vectorColumn: boolean | null = null;
  private embeddingCache: { chunkId: string; articleId: string; title: string; text: string; vector: number[] }[] | null = null;

  constructor(
    @InjectRepository(KnowledgeArticle) private readonly articles: Repository<KnowledgeArticle>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly ai: AiService,
    private readonly seed: SeedService,
  ) {}

  onApplicationBootstrap(): void {
    // Articles written without chunks (seeded, or chunked before an embedder was configured) are caught up in the background.
    void this.seed.completed
      .then(() => this.catchUpChunks())
      .catch((e: Error) => this.logger.warn(`indexing knowledge chunks failed: ${e.message}`));
  }

  private async toDtos(rows: KnowledgeArticle[]): Promise<ArticleDto[]> {
    const counts: { article_id: string; n: number }[] = rows.length
      ? await this.db.query('SELECT article_id, count(*)::int AS n FROM knowledge_chunks WHERE article_id = ANY($1::uuid[]) GROUP BY article_id', [rows.map((r) => r.id)])
      : [];
    const byId = new Map(counts.map((c) => [c.article_id, c.n]));
    const usage: { id: string; used: number; approved: number }[] = rows.length
      ? await this.db.query(
          `SELECT s.id, count(*)::int AS used, count(*) FILTER (WHERE d.status IN ('approved', 'edited', 'auto_sent'))::int AS approved
             FROM reply_drafts d CROSS JOIN LATERAL jsonb_to_recordset(d.sources) AS s(id text, kind text)
            WHERE s.kind = 'article' AND s.id = ANY($1::text[]) AND d.status <> 'superseded'
            GROUP BY s.id`,
          [rows.map((r) => r.id)],
        )
      : [];
    const usageById = new Map(usage.map((u) => [u.id, u]));
    return rows.map((a) => ({
      id: a.id,
      title: a.title,
      body: a.body,
      locale: a.locale,
      tags: a.tags,
      chunkCount: byId.get(a.id) ?? 0,
      usedInDrafts: usageById.get(a.id)?.used ?? 0,
      approvedCount: usageById.get(a.id)?.approved ?? 0,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    }));
  }

  async list(): Promise<ArticleDto[]> {
    return this.toDtos(await this.articles.find({ order: { updatedAt: 'DESC' }, take: 2000 }));
  }

  async get(id: string): Promise<ArticleDto> {
    const a = await this.articles.findOne({ where: { id } });
    if (!a) throw new NotFoundException('Knowledge article', id);
    return (await this.toDtos([a]))[0];
  }

  async create(dto: KnowledgeArticleDto, actor: Actor): Promise<ArticleDto> {
    const saved = await this.db.transaction(async (m) => {
      const article = await m.save(m.create(KnowledgeArticle, { title: dto.title, body: dto.body, locale: dto.locale ?? null, tags: dto.tags ?? [] }));
      await this.writeChunks(m, article);
      await this.audit.record({ actor, action: 'knowledge_article.created', entityType: 'knowledge_article', entityId: article.id, changes: { title: article.title } }, m);
      return article;
    });
    await this.reindex(saved);
    return this.get(saved.id);
  }

  async update(id: string, dto: UpdateKnowledgeArticleDto, actor: Actor): Promise<ArticleDto> {
    const saved = await this.db.transaction(async (m) => {
      const article = await m.findOne(KnowledgeArticle, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!article) throw new NotFoundException('Knowledge article', id);
      Object.assign(article, { ...dto, locale: dto.locale === undefined ? article.locale : dto.locale });
      await m.save(article);
      if (dto.body !== undefined || dto.title !== undefined) await this.writeChunks(m, article);
      await this.audit.record({ actor, action: 'knowledge_article.updated', entityType: 'knowledge_article', entityId: id, changes: { fields: Object.keys(dto) } }, m);
      return article;
    });
    await this.reindex(saved);
    return this.get(id);
  }

  async remove(id: string, actor: Actor): Promise<void> {
    if (!(await this.audit.deleteAudited(KnowledgeArticle, 'knowledge_article', id, actor))) throw new NotFoundException('Knowledge article', id);
    this.embeddingCache = null;
    await this.ai.removeSource(id);
  }

  /** All or nothing: articles with a title that exists already are updated, the rest created. */
  async import(articles: KnowledgeArticleDto[], actor: Actor): Promise<KnowledgeImportResult> {
    const result = await this.db.transaction(async (m) => {
      const out: KnowledgeImportResult = { created: 0, updated: 0, articles: [] };
      for (const dto of articles) {
        const existing = await m.findOne(KnowledgeArticle, { where: { title: dto.title } });
        const article = existing ? Object.assign(existing, { body: dto.body, locale: dto.locale ?? existing.locale, tags: dto.tags ?? existing.tags }) : m.create(KnowledgeArticle, { title: dto.title, body: dto.body, locale: dto.locale ?? null, tags: dto.tags ?? [] });
        const saved = await m.save(article);
        await this.writeChunks(m, saved);
        out[existing ? 'updated' : 'created']++;
        out.articles.push({ id: saved.id, title: saved.title });
        await this.audit.record({ actor, action: existing ? 'knowledge_article.updated' : 'knowledge_article.created', entityType: 'knowledge_article', entityId: saved.id, changes: { title: saved.title, via: 'import' } }, m);
      }
      return out;
    });
    for (const { id } of result.articles) await this.reindex(await this.articles.findOneByOrFail({ id }));
    return result;
  }

  /** Replies agents sent that cite no article: answers the knowledge base is missing. */
  async suggestions(): Promise<ArticleSuggestionDto[]> {
    const rows: { id: string; question: string; answer: string; category: string | null; sent_at: Date }[] = await this.db.query(
      `SELECT d.id, m.body AS question, coalesce(d.final_body, d.body) AS answer, d.category, coalesce(d.reviewed_at, d.updated_at) AS sent_at
         FROM reply_drafts d JOIN messages m ON m.id = d.message_id
        WHERE d.status IN ('approved', 'edited')
          AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(d.sources) e WHERE e->>'kind' = 'article')
        ORDER BY coalesce(d.reviewed_at, d.updated_at) DESC LIMIT 50`,
    );
    return rows.map((r) => ({ draftId: r.id, question: r.question, answer: r.answer, category: r.category, sentAt: new Date(r.sent_at).toISOString() }));
  }

  /** What the drafter would be given for this question. */
  async search(query: string, options: RetrieveOptions = {}): Promise<KnowledgeSearchResult> {
    const result = await this.retrieve(query, options);
    return { query, answerability: result.answerability, hits: result.passages.map((p) => ({ sourceId: p.sourceId, kind: p.kind, title: p.title, text: p.text, score: p.score, relevance: p.relevance })) };
  }

  /** BM25 from the offline index, fused with dense retrieval when an embedding model is configured. */
  async retrieve(query: string, options: RetrieveOptions = {}): Promise<RetrievalResult> {
    const limit = options.limit ?? 5;
    const lexical = await this.ai.retrieve(query, { ...options, limit: Math.max(limit, 10) });
    const dense = await this.denseCandidates(query).catch((e: Error) => {
      this.logger.warn(`dense retrieval skipped: ${e.message}`);
      return null;
    });
    if (!dense?.length) return { ...lexical, passages: lexical.passages.slice(0, limit) };
    const byId = new Map(lexical.passages.map((p) => [p.sourceId, p]));
    const fused = fuseRankings(
      lexical.passages.map((p) => p.sourceId),
      dense.map((d) => d.articleId),
    );
    const passages = fused
      .map(({ id }) => byId.get(id) ?? this.densePassage(dense.find((d) => d.articleId === id)))
      .filter((p): p is NonNullable<typeof p> => !!p)
      .slice(0, limit);
    return { ...lexical, passages };
  }

  private densePassage(d: { articleId: string; title: string; text: string; score: number } | undefined) {
    if (!d) return null;
    return { sourceId: d.articleId, kind: 'article' as const, title: d.title, text: d.text, score: d.score, relevance: Math.max(0, Math.min(1, d.score)) };
  }

  /** Best chunk per article by cosine similarity to the query's embedding; null without an embedder. */
  private async denseCandidates(query: string): Promise<{ articleId: string; title: string; text: string; score: number }[] | null> {
    const embedded = await this.ai.embed([query]);
    if (!embedded) return null;
    const [vector] = embedded.vectors;
    if (await this.hasVectorColumn()) {
      const rows: { article_id: string; title: string; text: string; score: number }[] = await this.db.query(
        `SELECT DISTINCT ON (c.article_id) c.article_id, a.title, c.text, 1 - (c.embedding_vector <=> $1::vector) AS score
           FROM knowledge_chunks c JOIN knowledge_articles a ON a.id = c.article_id
          WHERE c.embedding_vector IS NOT NULL AND c.embedding_model = $2
          ORDER BY c.article_id, c.embedding_vector <=> $1::vector`,
        [`[${vector.join(',')}]`, embedded.model],
      );
      return rows.map((r) => ({ articleId: r.article_id, title: r.title, text: r.text, score: Number(r.score) })).sort((a, b) => b.score - a.score).slice(0, DENSE_CANDIDATES);
    }
    this.embeddingCache ??= (
      await this.db.query(
        `SELECT c.id, c.article_id, a.title, c.text, c.embedding FROM knowledge_chunks c JOIN knowledge_articles a ON a.id = c.article_id WHERE c.embedding IS NOT NULL AND c.embedding_model = $1`,
        [embedded.model],
      )
    ).map((r: { id: string; article_id: string; title: string; text: string; embedding: number[] }) => ({ chunkId: r.id, articleId: r.article_id, title: r.title, text: r.text, vector: r.embedding }));
    const best = new Map<string, { articleId: string; title: string; text: string; score: number }>();
    for (const c of this.embeddingCache ?? []) {
      const score = cosineSimilarity(vector, c.vector);
      if ((best.get(c.articleId)?.score ?? -Infinity) < score) best.set(c.articleId, { articleId: c.articleId, title: c.title, text: c.text, score });
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, DENSE_CANDIDATES);
  }

  private async hasVectorColumn(): Promise<boolean> {
    if (this.vectorColumn === null) {
      const [row] = await this.db.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'knowledge_chunks' AND column_name = 'embedding_vector'`);
      this.vectorColumn = !!row;
    }
    return this.vectorColumn;
  }

  private async writeChunks(m: EntityManager, article: KnowledgeArticle): Promise<void> {
    await m.delete(KnowledgeChunk, { articleId: article.id });
    const chunks = chunkArticle(article.body);
    if (chunks.length) await m.insert(KnowledgeChunk, chunks.map((c) => ({ articleId: article.id, position: c.index, text: c.text })));
  }

  /** The offline index takes the article at once; embeddings follow when an embedder is configured. */
  private async reindex(article: KnowledgeArticle): Promise<void> {
    this.embeddingCache = null;
    await this.ai.upsertArticle({ id: article.id, title: article.title, body: article.body, lang: article.locale ?? undefined, tags: article.tags });
    await this.embedChunks(article.id).catch((e: Error) => this.logger.warn(`embedding article ${article.id} failed: ${e.message} (retried at next boot)`));
  }

  private async embedChunks(articleId?: string): Promise<void> {
    const rows: { id: string; text: string; title: string }[] = await this.db.query(
      `SELECT c.id, c.text, a.title FROM knowledge_chunks c JOIN knowledge_articles a ON a.id = c.article_id
        WHERE c.embedding IS NULL ${articleId ? 'AND c.article_id = $1' : ''} ORDER BY c.article_id, c.position LIMIT 2000`,
      articleId ? [articleId] : [],
    );
    if (!rows.length) return;
    const embedded = await this.ai.embed(rows.map((r) => `${r.title}\n${r.text}`));
    if (!embedded) return;
    const vectorColumn = await this.hasVectorColumn();
    for (const [i, r] of rows.entries()) {
      const v = embedded.vectors[i];
      await this.db.query(
        `UPDATE knowledge_chunks SET embedding = $2, embedding_model = $3${vectorColumn ? ', embedding_vector = $4::vector' : ''} WHERE id = $1`,
        vectorColumn ? [r.id, v, embedded.model, `[${v.join(',')}]`] : [r.id, v, embedded.model],
      );
    }
    this.embeddingCache = null;
  }

  private async catchUpChunks(): Promise<void> {
    const missing: KnowledgeArticle[] = await this.articles
      .createQueryBuilder('a')
      .where('NOT EXISTS (SELECT 1 FROM knowledge_chunks c WHERE c.article_id = a.id)')
      .getMany();
    for (const a of missing) await this.db.transaction((m) => this.writeChunks(m, a));
    await this.embedChunks();
  }
}
