/**
 * AI triage and drafting as the console sees them: TriageResult, ReplyDraft, categories with their
 * policy, knowledge articles, the model's status, and the socket events that carry them live.
 */
import type { MessageDto } from './messages';

export const REPLY_DRAFT_STATUSES = ['proposed', 'approved', 'edited', 'rejected', 'auto_sent', 'superseded', 'failed'] as const;
export type ReplyDraftStatus = (typeof REPLY_DRAFT_STATUSES)[number];

export const CATEGORY_POLICIES = ['draft', 'auto', 'off'] as const;
/** `draft`: an agent approves every reply; `auto`: sent without approval above the threshold; `off`: triage only. */
export type CategoryPolicy = (typeof CATEGORY_POLICIES)[number];

export type AiProviderName = 'openai' | 'offline';

/** Which model produced an output, how, and how long it took. */
export interface AiRunDto {
  provider: AiProviderName;
  model: string;
  promptVersion: string;
  latencyMs: number;
  /** The configured remote model failed and the offline one answered; the error says why. */
  fallbackError: string | null;
}

export interface TriageEntitiesDto {
  orderNumbers: string[];
  trackingNumbers: string[];
  company: string | null;
  quantities: { raw: string; value: number; unit: string }[];
  amounts: { raw: string; value: number; currency: string }[];
}

export interface TriageResultDto {
  id: string;
  messageId: string;
  conversationId: string;
  status: 'completed' | 'failed';
  category: string | null;
  confidence: number | null;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  urgent: boolean;
  language: 'ko' | 'en' | 'mixed' | null;
  entities: TriageEntitiesDto | null;
  injectionSuspected: boolean;
  /**
   * What decided `category` beside the model: `flow` = the visitor's flow button implied it (the model
   * was not at least 0.9 sure of another). Null or absent: the model alone.
   */
  signal?: 'flow' | null;
  /** Set when an agent corrected the category; the correction is a training example. */
  correctedCategory: string | null;
  correctedById: string | null;
  error: string | null;
  attempts: number;
  run: AiRunDto | null;
  createdAt: string;
}

export interface DraftSourceDto {
  id: string;
  kind: 'article' | 'approved_reply';
  title: string;
  score: number;
}

export interface ReplyDraftDto {
  id: string;
  conversationId: string;
  /** The contact message this draft answers. */
  messageId: string;
  status: ReplyDraftStatus;
  body: string;
  sources: DraftSourceDto[];
  confidence: number;
  needsHuman: boolean;
  reason: string;
  detail: string | null;
  category: string | null;
  /** The text that was sent (differs from `body` when an agent edited it). */
  finalBody: string | null;
  sentMessageId: string | null;
  reviewedById: string | null;
  reviewedAt: string | null;
  rejectReason: string | null;
  /** An agent marked the answer as wrong (after the fact, whatever its status). */
  flag: { note: string; byId: string | null; at: string } | null;
  run: AiRunDto | null;
  createdAt: string;
}

/** One row of the review log: the customer's question next to the AI's answer and what happened to it. */
export interface ReviewLogEntryDto {
  draft: ReplyDraftDto;
  question: string;
  conversationDisplayId: number;
  triage: Pick<TriageResultDto, 'category' | 'confidence' | 'correctedCategory' | 'urgent' | 'sentiment' | 'language'> | null;
}

export interface ApproveDraftRequest {
  /** Send this text instead of the draft (recorded as `edited`). */
  body?: string;
}

export interface RejectDraftRequest {
  reason?: string;
}

export interface FlagDraftRequest {
  note: string;
}

/** GET /reply-drafts filters (the review log and its CSV export). */
export interface ReviewLogQuery {
  status?: ReplyDraftStatus;
  category?: string;
  /** ISO date-time, inclusive / exclusive. */
  from?: string;
  to?: string;
  /** Draft confidence band, 0..1. */
  minConfidence?: number;
  maxConfidence?: number;
  /** The agent who approved, edited or rejected it. */
  reviewedById?: string;
  flagged?: boolean;
  cursor?: string;
  limit?: number;
}

export interface CorrectTriageRequest {
  category: string;
}

export interface CategoryDto {
  id: string;
  /** Stable key used by the model and in stored results (`shipping`); never changes. */
  key: string;
  label: string;
  description: string | null;
  policy: CategoryPolicy;
  /** Auto-send only when triage and draft confidence are both at least this. */
  autoSendThreshold: number;
  position: number;
}

export interface CreateCategoryRequest {
  key: string;
  label: string;
  description?: string;
  policy?: CategoryPolicy;
  autoSendThreshold?: number;
  /** A few example messages so the model can learn the new category at once. */
  examples?: string[];
}

export type UpdateCategoryRequest = Partial<Pick<CategoryDto, 'label' | 'description' | 'policy' | 'autoSendThreshold' | 'position'>>;

export interface AiStatusDto {
  provider: AiProviderName;
  chatModel: string | null;
  embedModel: string | null;
  offlineModel: { model: string; version: string; trainingSetSize: number; categories: string[]; trainedAt: string | null; retraining: boolean };
  queue: { waiting: number; active: number; failed: number };
}

export interface KnowledgeArticleDto {
  id: string;
  title: string;
  body: string;
  locale: string | null;
  tags: string[];
  chunkCount: number;
  /** Drafts that cited it, and how many of those were sent (approved, edited or auto-sent). */
  usedInDrafts: number;
  approvedCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface KnowledgeArticleRequest {
  title: string;
  body: string;
  locale?: string | null;
  tags?: string[];
}

export interface KnowledgeImportResult {
  created: number;
  updated: number;
  articles: { id: string; title: string }[];
}

export interface KnowledgeSearchHit {
  sourceId: string;
  kind: 'article' | 'approved_reply';
  title: string;
  text: string;
  score: number;
  relevance: number;
}

export interface KnowledgeSearchResult {
  query: string;
  answerability: number;
  hits: KnowledgeSearchHit[];
}

/** Socket events on /agents for the AI pipeline (inbox rooms, like message events). */
export const AI_SERVER_EVENTS = {
  triageCompleted: 'triage.completed',
  triageFailed: 'triage.failed',
  draftCreated: 'reply_draft.created',
  draftUpdated: 'reply_draft.updated',
  /** The draft's text so far while a remote model streams it. */
  draftStreaming: 'reply_draft.streaming',
} as const;

export interface TriageEvent {
  triage: TriageResultDto;
}

export interface DraftEvent {
  draft: ReplyDraftDto;
  /** For `auto_sent` drafts: the message that was sent. */
  message?: MessageDto;
}

export interface DraftStreamingEvent {
  draftId: string;
  conversationId: string;
  text: string;
}

/** GET /knowledge-articles/suggestions: approved replies that cited no article, worth turning into one. */
export interface ArticleSuggestionDto {
  draftId: string;
  question: string;
  answer: string;
  category: string | null;
  sentAt: string;
}
