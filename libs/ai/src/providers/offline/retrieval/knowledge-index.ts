/**
 * In-process knowledge index: BM25 over character bigrams, word stems and glossary terms, across article
 * chunks and approved replies. Implements the Retriever port.
 */
import type {
  ApprovedReplyInput,
  KnowledgeArticleInput,
  KnowledgeSourceKind,
  RetrievalResult,
  RetrievedPassage,
  RetrieveOptions,
  Retriever,
} from '../../../ports';
import {
  DEFAULT_ANSWERABILITY,
  estimateAnswerability,
  KnowledgeVocabulary,
  type AnswerabilityInput,
  type AnswerabilityModel,
} from './answerability';
import { Bm25Index } from './bm25';
import { chunkArticle } from './chunker';
import { RetrievalTermExtractor } from './retrieval-terms';

interface Source {
  id: string;
  kind: KnowledgeSourceKind;
  title: string;
  /** Text used for whole-source scoring. */
  fullText: string;
  chunks: string[];
  category?: string;
}

interface RankedSource {
  source: number;
  chunk: number;
  score: number;
}

interface IndexedChunk {
  source: number;
  text: string;
}

export interface KnowledgeIndexOptions {
  /** Weight of the whole-source score next to the best chunk's score. */
  wholeSourceWeight: number;
  /** Title terms are repeated so a matching title outweighs a passing mention in the body. */
  titleRepeat: number;
  answerability: AnswerabilityModel;
}

const CATEGORY_BONUS = 1.15;

const DEFAULTS: KnowledgeIndexOptions = { wholeSourceWeight: 0.25, titleRepeat: 2, answerability: DEFAULT_ANSWERABILITY };

export class KnowledgeIndex implements Retriever {
  private sources: Source[] = [];
  private chunkIndex = new Bm25Index();
  private sourceIndex = new Bm25Index();
  private chunks: IndexedChunk[] = [];
  private readonly vocabulary = new KnowledgeVocabulary();
  private readonly options: KnowledgeIndexOptions;

  constructor(
    options: Partial<KnowledgeIndexOptions> = {},
    readonly terms = new RetrievalTermExtractor(),
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  index(articles: KnowledgeArticleInput[], approvedReplies: ApprovedReplyInput[] = []): void {
    this.sources = [...articles.map(articleSource), ...approvedReplies.map(replySource)];
    this.rebuild();
  }

  upsertArticle(article: KnowledgeArticleInput): void {
    this.upsert(articleSource(article));
  }

  upsertApprovedReply(reply: ApprovedReplyInput): void {
    this.upsert(replySource(reply));
  }

  remove(sourceId: string): void {
    this.sources = this.sources.filter((s) => s.id !== sourceId);
    this.rebuild();
  }

  get sourceCount(): number {
    return this.sources.length;
  }

  retrieve(query: string, options: RetrieveOptions = {}): RetrievalResult {
    const limit = options.limit ?? 5;
    const queryTerms = this.terms.terms(query);
    if (queryTerms.length === 0 || this.sources.length === 0) return { query, passages: [], answerability: 0 };

    const ranked = this.rank(query, options);
    const top = ranked[0];
    const answerability = top ? estimateAnswerability(this.answerabilityInputFor(query, queryTerms, ranked), this.options.answerability) : 0;
    const passages: RetrievedPassage[] = ranked.slice(0, limit).map((r, i) => {
      const source = this.sources[r.source];
      return {
        sourceId: source.id,
        kind: source.kind,
        title: source.title,
        text: this.chunks[r.chunk].text,
        score: Math.round(r.score * 1000) / 1000,
        // Only the first source carries the answerability estimate; the rest decay with their score.
        relevance: i === 0 ? answerability : answerability * Math.min(1, r.score / top.score),
      };
    });
    return { query, passages, answerability };
  }

  private rank(query: string, options: RetrieveOptions): RankedSource[] {
    const weightedQuery = this.terms.queryTerms(query);
    const chunkScores = this.chunkIndex.score(weightedQuery);
    const best = new Map<number, { score: number; chunk: number }>();
    for (const [chunk, score] of chunkScores) {
      const source = this.chunks[chunk].source;
      const current = best.get(source);
      if (!current || score > current.score) best.set(source, { score, chunk });
    }
    const whole = this.sourceIndex.score(weightedQuery);
    return [...best.entries()]
      .map(([source, { score, chunk }]) => ({
        source,
        chunk,
        score:
          (score + this.options.wholeSourceWeight * (whole.get(source) ?? 0)) *
          // An approved reply from the same category is a little more likely to fit; never a filter.
          (options.category && this.sources[source].category === options.category ? CATEGORY_BONUS : 1),
      }))
      .sort((a, b) => b.score - a.score || this.sources[a.source].id.localeCompare(this.sources[b.source].id));

  }

  /** Features behind the answerability estimate, for evaluation and fitting; null when nothing matched. */
  answerabilityInput(query: string): AnswerabilityInput | null {
    const queryTerms = this.terms.terms(query);
    if (queryTerms.length === 0 || this.sources.length === 0) return null;
    const ranked = this.rank(query, {});
    return ranked.length ? this.answerabilityInputFor(query, queryTerms, ranked) : null;
  }

  private answerabilityInputFor(query: string, queryTerms: string[], ranked: RankedSource[]): AnswerabilityInput {
    const [top, second] = ranked;
    return {
      query,
      queryTerms,
      topText: this.sources[top.source].fullText,
      topScore: top.score,
      secondScore: second?.score ?? 0,
      index: this.chunkIndex,
      terms: this.terms,
      vocabulary: this.vocabulary,
    };
  }

  /** All passages of a source, for drafting from more than the best chunk. */
  passagesOf(sourceId: string): string[] {
    return this.sources.find((s) => s.id === sourceId)?.chunks ?? [];
  }

  private upsert(source: Source): void {
    this.sources = [...this.sources.filter((s) => s.id !== source.id), source];
    this.rebuild();
  }

  /** Rebuilds from scratch: BM25 statistics are global, and rebuilding a few hundred chunks takes milliseconds. */
  private rebuild(): void {
    this.chunkIndex = new Bm25Index();
    this.sourceIndex = new Bm25Index();
    this.chunks = [];
    this.vocabulary.reset(this.sources.map((s) => s.fullText));
    this.sources.forEach((source, sourceIndex) => {
      const titleTerms = this.terms.terms(source.title);
      const repeatedTitle = Array.from({ length: this.options.titleRepeat }, () => titleTerms).flat();
      for (const text of source.chunks) {
        this.chunkIndex.add([...repeatedTitle, ...this.terms.terms(text)]);
        this.chunks.push({ source: sourceIndex, text });
      }
      this.sourceIndex.add([...repeatedTitle, ...this.terms.terms(source.fullText)]);
    });
  }
}

function articleSource(article: KnowledgeArticleInput): Source {
  const tags = (article.tags ?? []).join(' ');
  return {
    id: article.id,
    kind: 'article',
    title: article.title,
    fullText: `${article.title}\n${tags}\n${article.body}`,
    chunks: chunkArticle(article.body).map((c) => c.text),
  };
}

function replySource(reply: ApprovedReplyInput): Source {
  return {
    id: reply.id,
    kind: 'approved_reply',
    title: reply.question.length > 60 ? `${reply.question.slice(0, 57)}...` : reply.question,
    // The question is what future customers will phrase similarly, so it counts twice.
    fullText: `${reply.question}\n${reply.question}\n${reply.answer}`,
    chunks: [reply.answer],
    category: reply.category,
  };
}
