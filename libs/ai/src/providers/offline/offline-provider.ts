/**
 * Wires the offline provider: classifier trained at construction, knowledge index, drafter.
 * This is the default when no AI_BASE_URL is configured.
 */
import type { AiProvider, ApprovedReplyInput, KnowledgeArticleInput, LabelledExample } from '../../ports';
import { OfflineDrafter, type OfflineDrafterOptions } from './drafting/offline-drafter';
import { KnowledgeIndex } from './retrieval/knowledge-index';
import { OfflineClassifier, type OfflineClassifierOptions } from './triage/offline-classifier';

export interface OfflineProviderOptions {
  examples?: LabelledExample[];
  articles?: KnowledgeArticleInput[];
  approvedReplies?: ApprovedReplyInput[];
  classifier?: Omit<OfflineClassifierOptions, 'extraExamples'>;
  drafter?: Partial<Omit<OfflineDrafterOptions, 'passagesOf' | 'terms'>>;
}

export interface OfflineProvider extends AiProvider {
  readonly classifier: OfflineClassifier;
  readonly drafter: OfflineDrafter;
  readonly retriever: KnowledgeIndex;
}

export function createOfflineProvider(options: OfflineProviderOptions = {}): OfflineProvider {
  const classifier = new OfflineClassifier({ ...options.classifier, extraExamples: options.examples ?? [] });
  const retriever = new KnowledgeIndex();
  retriever.index(options.articles ?? [], options.approvedReplies ?? []);
  const drafter = new OfflineDrafter({
    ...options.drafter,
    terms: retriever.terms,
    passagesOf: (id) => retriever.passagesOf(id),
  });
  return { name: 'offline', classifier, drafter, retriever };
}
