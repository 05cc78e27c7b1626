/**
 * Optional dense embeddings for hybrid retrieval. The offline provider has none (no model weights can be
 * shipped), so retrieval falls back to BM25 alone; an OpenAI-compatible provider can implement this.
 */
export interface Embedder {
  readonly model: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}
