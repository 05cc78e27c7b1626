/**
 * Okapi BM25 over pre-tokenised documents. Small and in-memory: a help desk's knowledge base is
 * hundreds of chunks, so a map of postings is plenty and rebuilds in milliseconds on every write.
 */
export interface Bm25Options {
  k1: number;
  b: number;
}

interface Posting {
  doc: number;
  tf: number;
}

export class Bm25Index {
  private readonly postings = new Map<string, Posting[]>();
  private readonly lengths: number[] = [];
  private totalLength = 0;

  constructor(private readonly options: Bm25Options = { k1: 1.2, b: 0.75 }) {}

  get size(): number {
    return this.lengths.length;
  }

  /** Adds a document and returns its index. */
  add(terms: string[]): number {
    const doc = this.lengths.length;
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) {
      const list = this.postings.get(term) ?? [];
      list.push({ doc, tf });
      this.postings.set(term, list);
    }
    this.lengths.push(terms.length);
    this.totalLength += terms.length;
    return doc;
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  /** BM25+ style IDF, never negative, so very common terms add a little instead of subtracting. */
  idf(term: string): number {
    const n = this.documentFrequency(term);
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  /**
   * Scores every document that shares a term with the query. The query is a bag of terms with weights
   * (repeats and expansions), saturated like document term frequencies.
   */
  score(query: string[] | Map<string, number>): Map<number, number> {
    const scores = new Map<number, number>();
    const avg = this.totalLength / Math.max(1, this.size);
    const { k1, b } = this.options;
    let qtf: Map<string, number>;
    if (Array.isArray(query)) {
      qtf = new Map<string, number>();
      for (const t of query) qtf.set(t, (qtf.get(t) ?? 0) + 1);
    } else {
      qtf = query;
    }
    for (const [term, count] of qtf) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      // Saturate repeated query terms too ("배송 배송 배송" should not triple the weight).
      const queryWeight = (count * (k1 + 1)) / (count + k1);
      for (const { doc, tf } of list) {
        const norm = tf + k1 * (1 - b + (b * this.lengths[doc]) / avg);
        scores.set(doc, (scores.get(doc) ?? 0) + queryWeight * idf * ((tf * (k1 + 1)) / norm));
      }
    }
    return scores;
  }
}
