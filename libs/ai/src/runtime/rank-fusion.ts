/**
 * Hybrid retrieval helpers: reciprocal rank fusion of a BM25 ranking and a dense (cosine) ranking.
 * RRF uses ranks only, so BM25 scores and cosine similarities never need to share a scale.
 */

export interface FusedResult {
  id: string;
  /** Σ weight / (k + rank) over the rankings that contain the id. */
  score: number;
  /** 1-based rank in each input ranking, null when absent. */
  bm25Rank: number | null;
  denseRank: number | null;
}

export interface FuseOptions {
  /** RRF damping constant; 60 is the value from Cormack et al. (2009). */
  k?: number;
  bm25Weight?: number;
  denseWeight?: number;
  limit?: number;
}

/** Fuses two rankings of ids (best first). Ties go to the id with the better single rank, then BM25. */
export function fuseRankings(bm25: readonly string[], dense: readonly string[], options: FuseOptions = {}): FusedResult[] {
  const k = options.k ?? 60;
  const weights = { bm25: options.bm25Weight ?? 1, dense: options.denseWeight ?? 1 };
  const fused = new Map<string, FusedResult>();
  const add = (ranking: readonly string[], which: 'bm25' | 'dense') => {
    const seen = new Set<string>();
    for (const id of ranking) {
      if (seen.has(id)) continue;
      seen.add(id);
      const rank = seen.size;
      const entry = fused.get(id) ?? { id, score: 0, bm25Rank: null, denseRank: null };
      entry.score += weights[which] / (k + rank);
      if (which === 'bm25') entry.bm25Rank = rank;
      else entry.denseRank = rank;
      fused.set(id, entry);
    }
  };
  add(bm25, 'bm25');
  add(dense, 'dense');
  const best = (r: FusedResult) => Math.min(r.bm25Rank ?? Infinity, r.denseRank ?? Infinity);
  const sorted = [...fused.values()].sort(
    (a, b) => b.score - a.score || best(a) - best(b) || (a.bm25Rank ?? Infinity) - (b.bm25Rank ?? Infinity) || a.id.localeCompare(b.id),
  );
  return options.limit === undefined ? sorted : sorted.slice(0, options.limit);
}

/** Cosine similarity in [-1, 1]; 0 when either vector is all zeros. Vectors must have the same length. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`cosineSimilarity: vector sizes differ (${a.length} vs ${b.length})`);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/** Ids of `documents` ordered by cosine similarity to `query`, best first (the dense input of fuseRankings). */
export function denseRanking(query: readonly number[], documents: ReadonlyArray<{ id: string; vector: readonly number[] }>, limit?: number): string[] {
  const ranked = documents
    .map((d) => ({ id: d.id, similarity: cosineSimilarity(query, d.vector) }))
    .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id))
    .map((d) => d.id);
  return limit === undefined ? ranked : ranked.slice(0, limit);
}
