import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { aSession, storeSignedIn } from '../../../testing/fixtures';
import { authInterceptor } from '../../core/auth/auth.interceptor';
import { REVIEW_API, ReviewApi } from './review-api';
import { NO_FILTERS } from './review-filters';

describe('ReviewApi', () => {
  let api: ReviewApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    storeSignedIn(aSession({ accessToken: 'token-1' }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    api = TestBed.inject(ReviewApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('requests the CSV of the filtered set as a blob, with the bearer token and no paging', () => {
    let saved: Blob | undefined;
    api
      .exportCsv({
        ...NO_FILTERS,
        status: 'edited',
        category: 'shipping',
        flagged: false,
      })
      .subscribe((blob) => (saved = blob));

    const req = backend.expectOne((r) => r.url === REVIEW_API.exportCsv);
    expect(req.request.method).toBe('GET');
    expect(req.request.responseType).toBe('blob');
    expect(req.request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(req.request.params.keys().sort()).toEqual([
      'category',
      'flagged',
      'status',
    ]);
    expect(req.request.urlWithParams).toBe(
      '/api/v1/reply-drafts/export.csv?category=shipping&status=edited&flagged=false',
    );
    const csv = new Blob(['created_at,question\n'], { type: 'text/csv' });
    req.flush(csv);
    expect(saved).toBe(csv);
  });

  it('pages the log with the same filters plus cursor and limit', () => {
    api.page({ ...NO_FILTERS, minConfidence: 0.2 }, 'next-1').subscribe();
    const req = backend.expectOne((r) => r.url === REVIEW_API.log);
    expect(req.request.params.get('minConfidence')).toBe('0.2');
    expect(req.request.params.get('cursor')).toBe('next-1');
    expect(req.request.params.get('limit')).toBe('50');
    req.flush({ items: [], nextCursor: null });
  });

  it('flags a draft with the note', () => {
    api.flag('d-1', 'Price is wrong').subscribe();
    const req = backend.expectOne('/api/v1/reply-drafts/d-1/flag');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ note: 'Price is wrong' });
    req.flush({});
  });
});
