import type { CategoryId } from './categories';
import type { Language } from './classifier.port';
import type { RetrievedPassage } from './retriever.port';

export interface ConversationTurn {
  role: 'contact' | 'agent';
  text: string;
}

export interface DraftInput {
  /** The conversation so far, oldest first; the last contact turn is the one to answer. */
  conversation: ConversationTurn[];
  /** Passages from the retriever; the drafter may only state what these say. */
  sources: RetrievedPassage[];
  /** 0..1 from the retriever: can the knowledge base answer this at all? */
  answerability?: number;
  category?: CategoryId;
  language?: Language;
  /** Name the drafts are signed with. */
  businessName?: string;
}

export interface DraftSource {
  id: string;
  title: string;
  score: number;
}

export type DraftReason =
  | 'answered_from_sources'
  | 'weak_retrieval'
  | 'no_sources'
  | 'prompt_injection_suspected'
  | 'sensitive_request'
  | 'empty_message';

export interface Draft {
  body: string;
  sources: DraftSource[];
  /** 0..1 confidence that the draft is correct and complete. */
  confidence: number;
  /** True when a person must answer (weak sources, injection, requests the AI may not decide). */
  needsHuman: boolean;
  reason: DraftReason;
  /** Human-readable detail for the console, e.g. which injection pattern matched. */
  detail?: string;
}

export interface Drafter {
  draft(input: DraftInput): Promise<Draft>;
}
