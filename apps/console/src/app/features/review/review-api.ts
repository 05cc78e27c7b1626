import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgentDto,
  CategoryDto,
  FlagDraftRequest,
  Page,
  ReplyDraftDto,
  ReviewLogEntryDto,
} from '@parley/shared/contracts';
import { Observable } from 'rxjs';
import { ReviewFilters, filtersToApiParams } from './review-filters';

export const REVIEW_API = {
  log: '/api/v1/reply-drafts',
  exportCsv: '/api/v1/reply-drafts/export.csv',
  flag: (draftId: string) =>
    `/api/v1/reply-drafts/${encodeURIComponent(draftId)}/flag`,
  agents: '/api/v1/agents',
  categories: '/api/v1/ai/categories',
} as const;

export const REVIEW_PAGE_SIZE = 50;

/** The review log's calls; the auth interceptor adds the bearer token to each. */
@Injectable({ providedIn: 'root' })
export class ReviewApi {
  readonly #http = inject(HttpClient);

  page(
    filters: ReviewFilters,
    cursor: string | null = null,
  ): Observable<Page<ReviewLogEntryDto>> {
    return this.#http.get<Page<ReviewLogEntryDto>>(REVIEW_API.log, {
      params: filtersToApiParams(filters, { cursor, limit: REVIEW_PAGE_SIZE }),
    });
  }

  /** The filtered set as CSV. Fetched as a blob (not a plain link) so the request carries the token. */
  exportCsv(filters: ReviewFilters): Observable<Blob> {
    return this.#http.get(REVIEW_API.exportCsv, {
      params: filtersToApiParams(filters),
      responseType: 'blob',
    });
  }

  flag(draftId: string, note: string): Observable<ReplyDraftDto> {
    const body: FlagDraftRequest = { note };
    return this.#http.post<ReplyDraftDto>(REVIEW_API.flag(draftId), body);
  }

  agents(): Observable<AgentDto[]> {
    return this.#http.get<AgentDto[]>(REVIEW_API.agents);
  }

  categories(): Observable<CategoryDto[]> {
    return this.#http.get<CategoryDto[]>(REVIEW_API.categories);
  }
}
