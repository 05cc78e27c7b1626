import type { Classifier } from './classifier.port';
import type { Drafter } from './drafter.port';
import type { Embedder } from './embedder.port';
import type { Retriever } from './retriever.port';

export type AiProviderName = 'offline' | 'openai';

/**
 * What a provider offers the pipeline. The OpenAI-compatible provider (AI_BASE_URL, AI_API_KEY,
 * AI_CHAT_MODEL, AI_EMBED_MODEL) implements the same shape and falls back to the offline one on failure.
 */
export interface AiProvider {
  readonly name: AiProviderName;
  readonly classifier: Classifier;
  readonly drafter: Drafter;
  readonly retriever: Retriever;
  readonly embedder?: Embedder;
}
