import {
  HttpClient,
  HttpErrorResponse,
  HttpParams,
} from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ArticleSuggestionDto,
  KnowledgeArticleDto,
  KnowledgeArticleRequest,
  KnowledgeImportResult,
  KnowledgeSearchResult,
} from '@parley/shared/contracts';
import { Observable } from 'rxjs';

const BASE = '/api/v1/knowledge-articles';

export const KNOWLEDGE_API = {
  articles: BASE,
  article: (id: string) => `${BASE}/${encodeURIComponent(id)}`,
  import: `${BASE}/import`,
  search: `${BASE}/search`,
  suggestions: `${BASE}/suggestions`,
} as const;

@Injectable({ providedIn: 'root' })
export class KnowledgeApi {
  readonly #http = inject(HttpClient);

  list(): Observable<KnowledgeArticleDto[]> {
    return this.#http.get<KnowledgeArticleDto[]>(KNOWLEDGE_API.articles);
  }

  create(body: KnowledgeArticleRequest): Observable<KnowledgeArticleDto> {
    return this.#http.post<KnowledgeArticleDto>(KNOWLEDGE_API.articles, body);
  }

  update(
    id: string,
    body: Partial<KnowledgeArticleRequest>,
  ): Observable<KnowledgeArticleDto> {
    return this.#http.patch<KnowledgeArticleDto>(
      KNOWLEDGE_API.article(id),
      body,
    );
  }

  remove(id: string): Observable<void> {
    return this.#http.delete<void>(KNOWLEDGE_API.article(id));
  }

  /** Multipart with the file as field `file`; the browser sets the boundary. */
  import(file: File): Observable<KnowledgeImportResult> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.#http.post<KnowledgeImportResult>(KNOWLEDGE_API.import, form);
  }

  search(q: string): Observable<KnowledgeSearchResult> {
    return this.#http.get<KnowledgeSearchResult>(KNOWLEDGE_API.search, {
      params: new HttpParams().set('q', q),
    });
  }

  suggestions(): Observable<ArticleSuggestionDto[]> {
    return this.#http.get<ArticleSuggestionDto[]>(KNOWLEDGE_API.suggestions);
  }
}

export interface ImportProblem {
  /** The file's line (JSONL) or the article's heading line (Markdown); null for a file-level problem. */
  line: number | null;
  errors: string[];
}

/** The problems a rejected import reports in `details` (`[{ line, errors }]` or `[{ field, errors }]`). */
export function importProblems(error: unknown): ImportProblem[] {
  if (!(error instanceof HttpErrorResponse)) return [];
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null) return [];
  const details = (body as { details?: unknown }).details;
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown): ImportProblem[] => {
    if (typeof d !== 'object' || d === null) return [];
    const { line, errors } = d as { line?: unknown; errors?: unknown };
    const messages = Array.isArray(errors)
      ? errors.filter((e): e is string => typeof e === 'string')
      : [];
    if (!messages.length) return [];
    return [
      {
        line: typeof line === 'number' && Number.isInteger(line) ? line : null,
        errors: messages,
      },
    ];
  });
}
