import type { Classifier } from './classifier.port';
import type { Drafter } from './drafter.port';
import type { Embedder } from './embedder.port';
import type { Retriever } from './retriever.port';

export type AiProviderName = 'offline' | 'openai';

/**
 * What a provider offers the pipeline. The OpenAI-compatible provider (AI_BASE_URL, AI_API_KEY,
 * AI_CHAT_MODEL, AI_EMBED_MODEL) implements the classifier, drafter and embedder ports; `createAiRuntime`
 * puts it in front of the offline provider, which answers whenever the remote one fails.
 */
export interface AiProvider {
  readonly name: AiProviderName;
  readonly classifier: Classifier;
  readonly drafter: Drafter;
  readonly retriever: Retriever;
  readonly embedder?: Embedder;
}
