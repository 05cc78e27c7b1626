/**
 * The offline AI's state and the tasks it answers. Runs in a worker thread (offline-ai.worker.ts) so
 * training (seconds) and drafting never block the chat path; the same code runs inline when the API
 * runs from sources (tests), where no compiled worker file exists.
 */
import {
  createOfflineProvider,
  type ApprovedReplyInput,
  type ClassifierInfo,
  type ClassifyInput,
  type Draft,
  type DraftInput,
  type KnowledgeArticleInput,
  type LabelledExample,
  type OfflineProvider,
  type RetrievalResult,
  type RetrieveOptions,
  type TriageOutput,
} from '@parley/ai';

export interface OfflineInit {
  examples: LabelledExample[];
  articles: KnowledgeArticleInput[];
  approvedReplies: ApprovedReplyInput[];
  businessName: string;
}

export type OfflineTask =
  | { kind: 'init'; init: OfflineInit }
  | { kind: 'classify'; input: ClassifyInput }
  | { kind: 'retrieve'; query: string; options?: RetrieveOptions }
  | { kind: 'draft'; input: DraftInput }
  | { kind: 'retrain'; examples: LabelledExample[] }
  | { kind: 'upsertArticle'; article: KnowledgeArticleInput }
  | { kind: 'upsertApprovedReply'; reply: ApprovedReplyInput }
  | { kind: 'remove'; sourceId: string };

export interface OfflineTaskResults {
  init: ClassifierInfo;
  classify: TriageOutput;
  retrieve: RetrievalResult;
  draft: Draft;
  retrain: ClassifierInfo;
  upsertArticle: null;
  upsertApprovedReply: null;
  remove: null;
}

export function createOfflineTaskHandler() {
  let provider: OfflineProvider | null = null;
  const ready = (): OfflineProvider => {
    if (!provider) throw new Error('offline AI used before init');
    return provider;
  };
  return async function handle(task: OfflineTask): Promise<OfflineTaskResults[OfflineTask['kind']]> {
    switch (task.kind) {
      case 'init':
        provider = createOfflineProvider({
          examples: task.init.examples,
          articles: task.init.articles,
          approvedReplies: task.init.approvedReplies,
          drafter: { businessName: task.init.businessName },
        });
        return provider.classifier.info();
      case 'classify':
        return ready().classifier.classify(task.input);
      case 'retrieve':
        return ready().retriever.retrieve(task.query, task.options);
      case 'draft':
        return ready().drafter.draft(task.input);
      case 'retrain':
        return ready().classifier.retrain(task.examples);
      case 'upsertArticle':
        ready().retriever.upsertArticle(task.article);
        return null;
      case 'upsertApprovedReply':
        ready().retriever.upsertApprovedReply(task.reply);
        return null;
      case 'remove':
        ready().retriever.remove(task.sourceId);
        return null;
    }
  };
}
