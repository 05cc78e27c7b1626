import {
  HttpClient,
  HttpErrorResponse,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { AuthTokens } from '@parley/shared/contracts';
import { aSession, storeSignedIn } from '../../../testing/fixtures';
import { SESSION_STORAGE_KEY } from './auth-session';
import { authInterceptor } from './auth.interceptor';
import { AUTH_API, AuthService } from './auth.service';

const CONVERSATIONS = '/api/v1/conversations';
const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const unauthorizedBody = {
  statusCode: 401,
  code: 'unauthorized',
  message: 'Token expired',
};

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthService;
  let navigate: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    localStorage.clear();
    storeSignedIn(
      aSession({ accessToken: 'old-access', refreshToken: 'old-refresh' }),
    );
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    navigate = vi
      .spyOn(TestBed.inject(Router), 'navigate')
      .mockResolvedValue(true);
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  /** Subscribes and records what the caller finally sees. */
  function call(url = CONVERSATIONS) {
    const outcome: { body?: unknown; error?: HttpErrorResponse } = {};
    http
      .get(url)
      .subscribe({
        next: (body) => (outcome.body = body),
        error: (error) => (outcome.error = error),
      });
    return outcome;
  }

  function pendingWithToken(token: string, url = CONVERSATIONS): TestRequest[] {
    return backend.match(
      (req) =>
        req.url === url &&
        req.headers.get('Authorization') === `Bearer ${token}`,
    );
  }

  function refreshTokens(
    tokens: AuthTokens = {
      accessToken: 'new-access',
      refreshToken: 'new-refresh',
      expiresIn: 900,
    },
  ) {
    return tokens;
  }

  it('adds the bearer token to our API calls', () => {
    call();

    const req = backend.expectOne(CONVERSATIONS);
    expect(req.request.headers.get('Authorization')).toBe('Bearer old-access');
    req.flush([]);
  });

  it('never sends the token to another origin or to non-API paths', () => {
    call('https://elsewhere.example/api/v1/conversations');
    call('/assets/i18n.json');

    expect(
      backend
        .expectOne('https://elsewhere.example/api/v1/conversations')
        .request.headers.has('Authorization'),
    ).toBe(false);
    expect(
      backend
        .expectOne('/assets/i18n.json')
        .request.headers.has('Authorization'),
    ).toBe(false);
  });

  it('sends API calls without a header when signed out', () => {
    auth.logout();
    backend.expectOne(AUTH_API.logout).flush(null);

    call();
    const req = backend.expectOne(CONVERSATIONS);
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush(null, UNAUTHORIZED);
    backend.expectNone(AUTH_API.refresh);
  });

  it('on a 401 refreshes once with the refresh token, stores the new tokens and retries', () => {
    const outcome = call();
    backend.expectOne(CONVERSATIONS).flush(unauthorizedBody, UNAUTHORIZED);

    const refresh = backend.expectOne(AUTH_API.refresh);
    expect(refresh.request.method).toBe('POST');
    expect(refresh.request.body).toEqual({ refreshToken: 'old-refresh' });
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush(refreshTokens());

    const retry = backend.expectOne(CONVERSATIONS);
    expect(retry.request.headers.get('Authorization')).toBe(
      'Bearer new-access',
    );
    retry.flush({ items: [] });

    expect(outcome).toEqual({ body: { items: [] } });
    expect(auth.accessToken()).toBe('new-access');
    expect(
      JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY)!),
    ).toMatchObject({
      accessToken: 'new-access',
      refreshToken: 'new-refresh',
    });
  });

  it('shares one refresh between concurrent 401s and retries each of them', () => {
    const outcomes = [call(), call(), call()];
    const first = pendingWithToken('old-access');
    expect(first).toHaveLength(3);

    first[0].flush(unauthorizedBody, UNAUTHORIZED);
    first[1].flush(unauthorizedBody, UNAUTHORIZED);
    const refreshes = backend.match(AUTH_API.refresh);
    expect(refreshes).toHaveLength(1);

    // A third 401 arriving while the refresh is still in flight joins it too.
    first[2].flush(unauthorizedBody, UNAUTHORIZED);
    backend.expectNone(AUTH_API.refresh);

    refreshes[0].flush(refreshTokens());

    const retries = pendingWithToken('new-access');
    expect(retries).toHaveLength(3);
    retries.forEach((req, i) => req.flush({ n: i }));
    expect(outcomes.map((o) => o.body)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    backend.expectNone(AUTH_API.refresh);
  });

  it('retries without refreshing again when the token was already refreshed while the request was out', () => {
    const slow = call();
    const fast = call();
    const [slowReq, fastReq] = pendingWithToken('old-access');

    fastReq.flush(unauthorizedBody, UNAUTHORIZED);
    backend.expectOne(AUTH_API.refresh).flush(refreshTokens());
    pendingWithToken('new-access')[0].flush('fast');

    slowReq.flush(unauthorizedBody, UNAUTHORIZED);
    backend.expectNone(AUTH_API.refresh);
    pendingWithToken('new-access')[0].flush('slow');

    expect(fast.body).toBe('fast');
    expect(slow.body).toBe('slow');
  });

  it('starts a new refresh for a 401 after the previous refresh finished', () => {
    call();
    backend.expectOne(CONVERSATIONS).flush(unauthorizedBody, UNAUTHORIZED);
    backend.expectOne(AUTH_API.refresh).flush(refreshTokens());
    backend.expectOne(CONVERSATIONS).flush('ok');

    call();
    backend.expectOne(CONVERSATIONS).flush(unauthorizedBody, UNAUTHORIZED);
    const second = backend.expectOne(AUTH_API.refresh);
    expect(second.request.body).toEqual({ refreshToken: 'new-refresh' });
    second.flush(
      refreshTokens({
        accessToken: 'third-access',
        refreshToken: 'third-refresh',
        expiresIn: 900,
      }),
    );
    expect(
      backend.expectOne(CONVERSATIONS).request.headers.get('Authorization'),
    ).toBe('Bearer third-access');
  });

  it('lets a refresh finish and keeps its tokens even if the request that needed it is cancelled', () => {
    // The server rotates the refresh token as soon as it answers: dropping that answer would
    // leave us holding a revoked token and log the agent out on the next 401.
    const subscription = http
      .get(CONVERSATIONS)
      .subscribe({ error: () => undefined });
    backend.expectOne(CONVERSATIONS).flush(unauthorizedBody, UNAUTHORIZED);
    const refresh = backend.expectOne(AUTH_API.refresh);

    subscription.unsubscribe();
    expect(refresh.cancelled).toBe(false);
    refresh.flush(refreshTokens());

    expect(auth.accessToken()).toBe('new-access');
    backend.expectNone(CONVERSATIONS);
  });

  it('gives the caller the 401 when the retry is refused as well, without refreshing again', () => {
    const outcome = call();
    backend.expectOne(CONVERSATIONS).flush(unauthorizedBody, UNAUTHORIZED);
    backend.expectOne(AUTH_API.refresh).flush(refreshTokens());
    backend.expectOne(CONVERSATIONS).flush(unauthorizedBody, UNAUTHORIZED);

    backend.expectNone(AUTH_API.refresh);
    expect(outcome.error?.status).toBe(401);
  });

  it('logs out and routes to /login when the server rejects the refresh', () => {
    const outcomes = [call(), call()];
    pendingWithToken('old-access').forEach((req) =>
      req.flush(unauthorizedBody, UNAUTHORIZED),
    );
    backend
      .expectOne(AUTH_API.refresh)
      .flush(
        {
          statusCode: 401,
          code: 'unauthorized',
          message: 'Refresh token revoked',
        },
        UNAUTHORIZED,
      );

    backend.expectNone(CONVERSATIONS);
    expect(outcomes.map((o) => o.error?.status)).toEqual([401, 401]);
    expect(auth.isAuthenticated()).toBe(false);
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(
      ['/login'],
      expect.objectContaining({
        queryParams: expect.objectContaining({ reason: 'expired' }),
      }),
    );
  });

  it('keeps the session when the refresh fails for a network reason', () => {
    const outcome = call();
    backend.expectOne(CONVERSATIONS).flush(unauthorizedBody, UNAUTHORIZED);
    backend.expectOne(AUTH_API.refresh).error(new ProgressEvent('error'));

    expect(outcome.error?.status).toBe(0);
    expect(auth.isAuthenticated()).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('passes other errors through untouched', () => {
    const outcome = call();
    backend
      .expectOne(CONVERSATIONS)
      .flush(
        { statusCode: 403, code: 'forbidden', message: 'no' },
        { status: 403, statusText: 'Forbidden' },
      );

    backend.expectNone(AUTH_API.refresh);
    expect(outcome.error?.status).toBe(403);
    expect(auth.isAuthenticated()).toBe(true);
  });

  it('does not treat a failed login as an expired token', () => {
    auth
      .login({ email: 'a@example.com', password: 'x' })
      .subscribe({ error: () => undefined });
    const login = backend.expectOne(AUTH_API.login);
    expect(login.request.headers.has('Authorization')).toBe(false);
    login.flush(
      { statusCode: 401, code: 'invalid_credentials', message: 'no' },
      UNAUTHORIZED,
    );

    backend.expectNone(AUTH_API.refresh);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('gives the caller the original 401 when the session ended while the refresh was running', () => {
    const outcome = call();
    backend.expectOne(CONVERSATIONS).flush(unauthorizedBody, UNAUTHORIZED);
    const refresh = backend.expectOne(AUTH_API.refresh);

    auth.logout();
    backend.expectOne(AUTH_API.logout).flush(null);
    navigate.mockClear();
    refresh.flush(refreshTokens());

    backend.expectNone(CONVERSATIONS);
    expect(outcome.error).toBeInstanceOf(HttpErrorResponse);
    expect(outcome.error?.error).toEqual(unauthorizedBody);
    expect(auth.isAuthenticated()).toBe(false);
    // The agent logged out on purpose: no "session expired" redirect on top.
    expect(navigate).not.toHaveBeenCalled();
  });
});
