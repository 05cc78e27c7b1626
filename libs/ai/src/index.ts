/**
 * @parley/ai: the AI layer behind ports. The offline provider is the default (no network, no weights);
 * an OpenAI-compatible provider implements the same ports. The API uses `createAiRuntime`, which picks the
 * remote provider when configured and falls back to the offline one when it fails.
 */
export * from './ports';
export * from './schemas';
export * from './prompts';
export * from './guards/prompt-injection';
export { createOfflineProvider, type OfflineProvider, type OfflineProviderOptions } from './providers/offline/offline-provider';
export { OfflineClassifier, OFFLINE_MODEL_NAME, type OfflineClassifierOptions } from './providers/offline/triage/offline-classifier';
export { OfflineDrafter, type OfflineDrafterOptions } from './providers/offline/drafting/offline-drafter';
export { KnowledgeIndex, type KnowledgeIndexOptions } from './providers/offline/retrieval/knowledge-index';
export * from './providers/openai';
export * from './runtime';
export { STARTER_EXAMPLES } from './providers/offline/starter';
export { extractEntities } from './providers/offline/entities/entities';
export { detectLanguage } from './providers/offline/text/language';
export { normalizeText } from './providers/offline/text/normalize';
export * from './eval/metrics';
export * from './eval/fact-match';
export * from './testing';
export { chunkArticle } from './providers/offline/retrieval/chunker';
