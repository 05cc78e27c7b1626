import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CategoryDto,
  InboxDto,
  ReportsOverviewDto,
  ReportsQuery,
} from '@parley/shared/contracts';
import { Observable } from 'rxjs';

export const REPORTS_API = {
  overview: '/api/v1/reports/overview',
  inboxes: '/api/v1/inboxes',
  categories: '/api/v1/ai/categories',
} as const;

@Injectable({ providedIn: 'root' })
export class ReportsApi {
  readonly #http = inject(HttpClient);

  overview(query: ReportsQuery): Observable<ReportsOverviewDto> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query))
      if (value) params = params.set(key, value);
    return this.#http.get<ReportsOverviewDto>(REPORTS_API.overview, { params });
  }

  inboxes(): Observable<InboxDto[]> {
    return this.#http.get<InboxDto[]>(REPORTS_API.inboxes);
  }

  categories(): Observable<CategoryDto[]> {
    return this.#http.get<CategoryDto[]>(REPORTS_API.categories);
  }
}
