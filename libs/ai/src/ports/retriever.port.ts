/**
 * Knowledge the drafter may cite: help-desk articles (split into chunks by the retriever) and replies an
 * agent approved, stored with the question they answered.
 */
export type KnowledgeSourceKind = 'article' | 'approved_reply';

export interface KnowledgeArticleInput {
  id: string;
  title: string;
  body: string;
  lang?: string;
  tags?: string[];
}

export interface ApprovedReplyInput {
  id: string;
  /** The customer's message the reply answered. */
  question: string;
  /** The reply as sent. */
  answer: string;
  category?: string;
}

export interface RetrievedPassage {
  /** Id of the article or approved reply. */
  sourceId: string;
  kind: KnowledgeSourceKind;
  title: string;
  /** The chunk text that matched. */
  text: string;
  /** Retrieval score (model-specific scale). */
  score: number;
  /** 0..1 estimate that this source really answers the query. */
  relevance: number;
}

export interface RetrievalResult {
  query: string;
  /** One entry per source (best chunk), best first. */
  passages: RetrievedPassage[];
  /** 0..1 estimate that the knowledge base can answer the query at all. */
  answerability: number;
}

export interface RetrieveOptions {
  limit?: number;
  /** Category of the message, when triage already ran; nudges ranking but never filters. */
  category?: string;
}

export interface Retriever {
  retrieve(query: string, options?: RetrieveOptions): RetrievalResult;
  /** Replace the whole index (boot, bulk import). */
  index(articles: KnowledgeArticleInput[], approvedReplies?: ApprovedReplyInput[]): void;
  upsertArticle(article: KnowledgeArticleInput): void;
  upsertApprovedReply(reply: ApprovedReplyInput): void;
  remove(sourceId: string): void;
}
