/**
 * Hybrid retrieval for the KB eval: the offline BM25 ranking fused (RRF) with a dense ranking from
 * precomputed embeddings. Articles only the dense side found are given a passage from the start of
 * their body. Answerability stays BM25's: it is what the drafters' hand-off thresholds were fitted on.
 */
import type { KnowledgeArticleInput, RetrievalResult, RetrievedPassage, RetrieveOptions, Retriever } from '../ports';
import { denseRanking, fuseRankings } from '../runtime/rank-fusion';

export interface HybridRetrieverInput {
  lexical: Retriever;
  articles: readonly KnowledgeArticleInput[];
  articleVectors: ReadonlyMap<string, number[]>;
  /** Embeddings of the queries the eval will ask, by query text. */
  queryVectors: ReadonlyMap<string, number[]>;
  /** How many candidates each side contributes before fusion. Default 20. */
  candidates?: number;
}

export function createHybridRetriever({ lexical, articles, articleVectors, queryVectors, candidates = 20 }: HybridRetrieverInput): Retriever {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const documents = [...articleVectors.entries()].map(([id, vector]) => ({ id, vector }));
  return {
    retrieve(query: string, options: RetrieveOptions = {}): RetrievalResult {
      const limit = options.limit ?? 5;
      const base = lexical.retrieve(query, { ...options, limit: Math.max(limit, candidates) });
      const queryVector = queryVectors.get(query);
      if (!queryVector) return { ...base, passages: base.passages.slice(0, limit) };
      const lexicalPassages = new Map(base.passages.map((p) => [p.sourceId, p]));
      const fused = fuseRankings(
        base.passages.map((p) => p.sourceId),
        denseRanking(queryVector, documents, candidates),
        { limit },
      );
      const passages = fused
        .map(({ id, score }): RetrievedPassage | undefined => {
          const found = lexicalPassages.get(id);
          if (found) return found;
          const article = byId.get(id);
          return article && { sourceId: id, kind: 'article', title: article.title, text: article.body.slice(0, 600), score, relevance: 0 };
        })
        .filter((p): p is RetrievedPassage => !!p);
      return { ...base, passages };
    },
    index: (articlesToIndex, approvedReplies) => lexical.index(articlesToIndex, approvedReplies),
    upsertArticle: (article) => lexical.upsertArticle(article),
    upsertApprovedReply: (reply) => lexical.upsertApprovedReply(reply),
    remove: (sourceId) => lexical.remove(sourceId),
  };
}
