import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { LoginResponse } from '@parley/shared/contracts';
import { aSession, anAgent, storeSignedIn } from '../../../testing/fixtures';
import { SESSION_STORAGE_KEY } from './auth-session';
import { authInterceptor } from './auth.interceptor';
import { AUTH_API, AuthService } from './auth.service';

describe('AuthService', () => {
  let http: HttpTestingController;
  let navigate: ReturnType<typeof vi.spyOn>;

  function setup(): AuthService {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = vi
      .spyOn(TestBed.inject(Router), 'navigate')
      .mockResolvedValue(true);
    return TestBed.inject(AuthService);
  }

  function stored(): unknown {
    const raw = localStorage.getItem(SESSION_STORAGE_KEY);
    return raw === null ? null : JSON.parse(raw);
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  describe('login', () => {
    it('posts the credentials, then holds and stores the session', () => {
      const auth = setup();
      const agent = anAgent({ role: 'admin' });
      let result: unknown;

      auth
        .login({ email: 'mina@example.com', password: 'secret' })
        .subscribe((a) => (result = a));
      const req = http.expectOne(AUTH_API.login);
      expect(req.request.method).toBe('POST');
      expect(req.request.body).toEqual({
        email: 'mina@example.com',
        password: 'secret',
      });
      expect(req.request.headers.has('Authorization')).toBe(false);
      req.flush({
        accessToken: 'a1',
        refreshToken: 'r1',
        expiresIn: 900,
        agent,
      } satisfies LoginResponse);

      expect(result).toEqual(agent);
      expect(auth.isAuthenticated()).toBe(true);
      expect(auth.isAdmin()).toBe(true);
      expect(auth.agent()).toEqual(agent);
      expect(auth.accessToken()).toBe('a1');
      expect(stored()).toEqual({
        accessToken: 'a1',
        refreshToken: 'r1',
        agent,
      });
    });

    it('stays signed out and stores nothing when the login is refused', () => {
      const auth = setup();
      let failed = false;

      auth
        .login({ email: 'mina@example.com', password: 'wrong' })
        .subscribe({ error: () => (failed = true) });
      http
        .expectOne(AUTH_API.login)
        .flush(
          { statusCode: 401, code: 'invalid_credentials', message: 'no' },
          { status: 401, statusText: 'Unauthorized' },
        );

      expect(failed).toBe(true);
      expect(auth.isAuthenticated()).toBe(false);
      expect(stored()).toBeNull();
    });
  });

  describe('storage', () => {
    it('restores the session a previous page load stored', () => {
      const session = storeSignedIn(
        aSession({ agent: anAgent({ name: 'Jun', role: 'agent' }) }),
      );
      const auth = setup();

      expect(auth.isAuthenticated()).toBe(true);
      expect(auth.agent()?.name).toBe('Jun');
      expect(auth.isAdmin()).toBe(false);
      expect(auth.accessToken()).toBe(session.accessToken);
    });

    it('drops a stored session it cannot read instead of trusting it', () => {
      localStorage.setItem(
        SESSION_STORAGE_KEY,
        '{"accessToken":"a","agent":{"role":"root"}}',
      );
      const auth = setup();

      expect(auth.isAuthenticated()).toBe(false);
      expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    });

    it('follows a logout in another tab', () => {
      storeSignedIn();
      const auth = setup();

      localStorage.removeItem(SESSION_STORAGE_KEY);
      window.dispatchEvent(
        new StorageEvent('storage', {
          key: SESSION_STORAGE_KEY,
          newValue: null,
        }),
      );

      expect(auth.isAuthenticated()).toBe(false);
      expect(navigate).toHaveBeenCalledWith(['/login']);
    });

    it('picks up tokens another tab refreshed', () => {
      storeSignedIn();
      const auth = setup();

      const rotated = aSession({
        accessToken: 'access-2',
        refreshToken: 'refresh-2',
      });
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(rotated));
      window.dispatchEvent(
        new StorageEvent('storage', { key: SESSION_STORAGE_KEY }),
      );

      expect(auth.accessToken()).toBe('access-2');
      expect(navigate).not.toHaveBeenCalled();
    });
  });

  describe('logout', () => {
    it('signs out at once, revokes the refresh token on the server and goes to /login', () => {
      storeSignedIn(aSession({ accessToken: 'a1', refreshToken: 'r1' }));
      const auth = setup();

      auth.logout();

      expect(auth.isAuthenticated()).toBe(false);
      expect(stored()).toBeNull();
      expect(navigate).toHaveBeenCalledWith(['/login']);
      const req = http.expectOne(AUTH_API.logout);
      expect(req.request.method).toBe('POST');
      expect(req.request.body).toEqual({ refreshToken: 'r1' });
      expect(req.request.headers.get('Authorization')).toBe('Bearer a1');
      req.flush(null, { status: 204, statusText: 'No Content' });
    });

    it('stays signed out when the server cannot be told', () => {
      storeSignedIn();
      const auth = setup();

      auth.logout();
      http.expectOne(AUTH_API.logout).error(new ProgressEvent('error'));

      expect(auth.isAuthenticated()).toBe(false);
      expect(stored()).toBeNull();
    });

    it('does not try to refresh when the logout call itself gets a 401', () => {
      storeSignedIn();
      const auth = setup();

      auth.logout();
      http
        .expectOne(AUTH_API.logout)
        .flush(null, { status: 401, statusText: 'Unauthorized' });

      http.expectNone(AUTH_API.refresh);
    });
  });

  it('reloads the agent from /me and keeps the tokens', () => {
    storeSignedIn(aSession({ accessToken: 'a1' }));
    const auth = setup();

    auth.reloadAgent().subscribe();
    const req = http.expectOne(AUTH_API.me);
    expect(req.request.headers.get('Authorization')).toBe('Bearer a1');
    req.flush(anAgent({ name: 'Mina Kim', role: 'admin' }));

    expect(auth.agent()?.name).toBe('Mina Kim');
    expect(auth.isAdmin()).toBe(true);
    expect((stored() as { accessToken: string }).accessToken).toBe('a1');
  });

  it('sends an expired session to /login with a notice and the page to return to', () => {
    storeSignedIn();
    const auth = setup();
    vi.spyOn(TestBed.inject(Router), 'url', 'get').mockReturnValue(
      '/reports?range=7d',
    );

    auth.expireSession();

    expect(auth.isAuthenticated()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], {
      queryParams: { reason: 'expired', returnUrl: '/reports?range=7d' },
    });
  });
});
