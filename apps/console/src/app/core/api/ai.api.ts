import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApproveDraftRequest,
  CategoryDto,
  CorrectTriageRequest,
  FlagDraftRequest,
  KnowledgeArticleDto,
  MessageDto,
  RejectDraftRequest,
  ReplyDraftDto,
  TriageResultDto,
} from '@parley/shared/contracts';
import { Observable } from 'rxjs';

export const AI_API = {
  categories: '/api/v1/ai/categories',
  triageResults: (conversationId: string) => `/api/v1/conversations/${conversationId}/triage-results`,
  triageResult: (id: string) => `/api/v1/triage-results/${id}`,
  drafts: (conversationId: string) => `/api/v1/conversations/${conversationId}/reply-drafts`,
  draft: (id: string, action: 'approve' | 'reject' | 'regenerate' | 'flag') => `/api/v1/reply-drafts/${id}/${action}`,
  article: (id: string) => `/api/v1/knowledge-articles/${id}`,
} as const;

export interface ApproveDraftResult {
  draft: ReplyDraftDto;
  message: MessageDto;
}

/** AI triage and reply drafts (REST). New results and drafts also arrive live (core/realtime `AI_SERVER_EVENTS`). */
@Injectable({ providedIn: 'root' })
export class AiApi {
  readonly #http = inject(HttpClient);

  categories(): Observable<CategoryDto[]> {
    return this.#http.get<CategoryDto[]>(AI_API.categories);
  }

  /** Oldest first: the last completed one is the conversation's current triage. */
  triageResults(conversationId: string): Observable<TriageResultDto[]> {
    return this.#http.get<TriageResultDto[]>(AI_API.triageResults(conversationId));
  }

  /** An agent's category correction; the message becomes a training example. */
  correctTriage(id: string, category: string): Observable<TriageResultDto> {
    return this.#http.patch<TriageResultDto>(AI_API.triageResult(id), { category } satisfies CorrectTriageRequest);
  }

  /** Oldest first. */
  drafts(conversationId: string): Observable<ReplyDraftDto[]> {
    return this.#http.get<ReplyDraftDto[]>(AI_API.drafts(conversationId));
  }

  /** Sends the draft, or `body` instead (recorded as edited). A draft that is no longer proposed answers 409 `conflict`. */
  approveDraft(id: string, body?: string): Observable<ApproveDraftResult> {
    const request: ApproveDraftRequest = body === undefined ? {} : { body };
    return this.#http.post<ApproveDraftResult>(AI_API.draft(id, 'approve'), request);
  }

  rejectDraft(id: string, reason?: string): Observable<ReplyDraftDto> {
    const request: RejectDraftRequest = reason ? { reason } : {};
    return this.#http.post<ReplyDraftDto>(AI_API.draft(id, 'reject'), request);
  }

  /** Supersedes the draft and drafts the question again; the new draft arrives as `reply_draft.created`. */
  regenerateDraft(id: string): Observable<unknown> {
    return this.#http.post<unknown>(AI_API.draft(id, 'regenerate'), {});
  }

  /** Marks an answer as wrong, whatever became of it. */
  flagDraft(id: string, note: string): Observable<ReplyDraftDto> {
    return this.#http.post<ReplyDraftDto>(AI_API.draft(id, 'flag'), { note } satisfies FlagDraftRequest);
  }

  article(id: string): Observable<KnowledgeArticleDto> {
    return this.#http.get<KnowledgeArticleDto>(AI_API.article(id));
  }
}
