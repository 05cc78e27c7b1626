import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Page,
  QuoteRequestCounts,
  QuoteRequestDto,
  QuoteRequestCountsQuery,
  QuoteRequestListQuery,
  SendQuoteRequest,
  UpdateQuoteRequest,
} from '@parley/shared/contracts';
import { Observable } from 'rxjs';
import { toHttpParams } from '../../core/api/http-params';

export const QUOTES_API = {
  list: '/api/v1/quote-requests',
  counts: '/api/v1/quote-requests/counts',
  one: (id: string) => `/api/v1/quote-requests/${encodeURIComponent(id)}`,
  send: (id: string) => `/api/v1/quote-requests/${encodeURIComponent(id)}/send`,
  pdf: (id: string) => `/api/v1/quote-requests/${encodeURIComponent(id)}/pdf`,
} as const;

/** Quote requests (REST). Live changes arrive on the /agents socket as `quote_request.created` / `.updated`. */
@Injectable({ providedIn: 'root' })
export class QuotesApi {
  readonly #http = inject(HttpClient);

  /** One keyset page; pass `nextCursor` back as `cursor` for the next one. */
  list(query: QuoteRequestListQuery = {}): Observable<Page<QuoteRequestDto>> {
    return this.#http.get<Page<QuoteRequestDto>>(QUOTES_API.list, { params: toHttpParams(query) });
  }

  /** How many requests each status holds under the board's filters. */
  counts(query: QuoteRequestCountsQuery = {}): Observable<QuoteRequestCounts> {
    return this.#http.get<QuoteRequestCounts>(QUOTES_API.counts, { params: toHttpParams(query) });
  }

  get(id: string): Observable<QuoteRequestDto> {
    return this.#http.get<QuoteRequestDto>(QUOTES_API.one(id));
  }

  /** Fields, status (by the transition rules), assignee, or `confirm: true` for an AI proposal. */
  update(id: string, changes: UpdateQuoteRequest): Observable<QuoteRequestDto> {
    return this.#http.patch<QuoteRequestDto>(QUOTES_API.one(id), changes);
  }

  /** Renders the PDF, emails it, posts it into the conversation; the request becomes `quoted`. */
  send(id: string, request: SendQuoteRequest): Observable<QuoteRequestDto> {
    return this.#http.post<QuoteRequestDto>(QUOTES_API.send(id), request);
  }

  /** The sent quote as a PDF. Fetched as a blob (not a plain link) so the request carries the token. */
  pdf(id: string): Observable<Blob> {
    return this.#http.get(QUOTES_API.pdf(id), { responseType: 'blob' });
  }
}
