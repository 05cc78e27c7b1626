import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import {
  DOCUMENT,
  DestroyRef,
  Injectable,
  computed,
  inject,
  signal,
} from '@angular/core';
import { Router } from '@angular/router';
import type {
  AgentDto,
  AuthTokens,
  LoginRequest,
  LoginResponse,
  RefreshRequest,
} from '@parley/shared/contracts';
import {
  Observable,
  catchError,
  finalize,
  map,
  share,
  tap,
  throwError,
} from 'rxjs';
import {
  AuthSession,
  SESSION_STORAGE_KEY,
  readStoredSession,
  sessionFromLogin,
  storeSession,
} from './auth-session';

export const AUTH_API = {
  login: '/api/v1/auth/login',
  refresh: '/api/v1/auth/refresh',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/auth/me',
} as const;

/** The session a refresh was for is gone (logged out, or replaced by a new sign-in) — nothing to expire. */
export class SessionEndedError extends Error {
  constructor() {
    super('The session ended before its access token could be refreshed.');
    this.name = 'SessionEndedError';
  }
}

/** Why the agent was sent to the login page; shown there as a notice. */
export type LogoutReason = 'expired';

/**
 * The signed-in agent's session. The signals are the source of truth for the UI; localStorage
 * keeps the session across reloads and tells other tabs when it changes.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  readonly #http = inject(HttpClient);
  readonly #router = inject(Router);
  readonly #session = signal<AuthSession | null>(readStoredSession());
  #refreshInFlight: Observable<string> | null = null;

  readonly agent = computed(() => this.#session()?.agent ?? null);
  readonly isAuthenticated = computed(() => this.#session() !== null);
  readonly isAdmin = computed(() => this.agent()?.role === 'admin');

  constructor() {
    this.#followOtherTabs();
  }

  accessToken(): string | null {
    return this.#session()?.accessToken ?? null;
  }

  login(credentials: LoginRequest): Observable<AgentDto> {
    return this.#http.post<LoginResponse>(AUTH_API.login, credentials).pipe(
      tap((response) =>
        this.#setSession(sessionFromLogin(response, response.agent)),
      ),
      map((response) => response.agent),
    );
  }

  /** Ends the session here at once, then tells the server (best effort) so the refresh token is revoked. */
  logout(): void {
    const session = this.#session();
    this.#endSession();
    if (session) {
      const body: RefreshRequest = { refreshToken: session.refreshToken };
      // The session is already gone, so the interceptor has no token to add: send it ourselves.
      this.#http
        .post<void>(AUTH_API.logout, body, {
          headers: { Authorization: `Bearer ${session.accessToken}` },
        })
        .subscribe({ error: () => undefined });
    }
    void this.#router.navigate(['/login']);
  }

  /** The server no longer accepts this session: drop it and ask the agent to sign in again, then return here. */
  expireSession(): void {
    if (!this.#session()) return;
    this.#endSession();
    const returnUrl = this.#router.url;
    const queryParams: Record<string, string> = {
      reason: 'expired' satisfies LogoutReason,
    };
    if (returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/login'))
      queryParams['returnUrl'] = returnUrl;
    void this.#router.navigate(['/login'], { queryParams });
  }

  /**
   * A new access token. Single-flight: every caller that asks while a refresh is running shares
   * it, because the server rotates the refresh token and a second refresh with the old one would fail.
   * If the server rejects the refresh token, the session is expired (once, for all callers).
   */
  refreshAccessToken(): Observable<string> {
    const refreshToken = this.#session()?.refreshToken;
    if (!refreshToken) return throwError(() => new SessionEndedError());
    this.#refreshInFlight ??= this.#http
      .post<AuthTokens>(AUTH_API.refresh, {
        refreshToken,
      } satisfies RefreshRequest)
      .pipe(
        map((tokens) => {
          const current = this.#session();
          // Logged out (or signed in again) while the refresh ran: don't resurrect the old session.
          if (current?.refreshToken !== refreshToken)
            throw new SessionEndedError();
          this.#setSession({
            ...current,
            accessToken: tokens.accessToken,
            refreshToken: tokens.refreshToken,
          });
          return tokens.accessToken;
        }),
        catchError((error: unknown) => {
          if (isRejectedRefresh(error)) this.expireSession();
          return throwError(() => error);
        }),
        finalize(() => (this.#refreshInFlight = null)),
        // Keep the request alive if every caller unsubscribes: losing the response of a refresh
        // the server already performed would leave us holding a revoked refresh token.
        share({ resetOnRefCountZero: false }),
      );
    return this.#refreshInFlight;
  }

  /** Re-reads the agent (role, name, availability may have changed since the session was stored). */
  reloadAgent(): Observable<AgentDto> {
    return this.#http.get<AgentDto>(AUTH_API.me).pipe(
      tap((agent) => {
        const current = this.#session();
        if (current) this.#setSession({ ...current, agent });
      }),
    );
  }

  /** Keeps the stored agent in step with a change made elsewhere (availability, name). */
  updateAgent(agent: AgentDto): void {
    const current = this.#session();
    if (current && current.agent.id === agent.id) this.#setSession({ ...current, agent });
  }

  #setSession(session: AuthSession): void {
    this.#session.set(session);
    storeSession(session);
  }

  #endSession(): void {
    this.#session.set(null);
    storeSession(null);
  }

  #followOtherTabs(): void {
    const window = inject(DOCUMENT).defaultView;
    if (!window) return;
    const onStorage = (event: StorageEvent) => {
      if (event.key !== SESSION_STORAGE_KEY && event.key !== null) return;
      const wasSignedIn = this.#session() !== null;
      const next = readStoredSession();
      this.#session.set(next);
      if (wasSignedIn && !next) void this.#router.navigate(['/login']);
    };
    window.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() =>
      window.removeEventListener('storage', onStorage),
    );
  }
}

/**
 * The server refused the refresh token (revoked, expired, agent disabled). A network failure,
 * timeout, rate limit or 5xx is not a verdict on the session: the agent stays signed in.
 */
function isRejectedRefresh(error: unknown): boolean {
  if (error instanceof SessionEndedError) return false;
  if (!(error instanceof HttpErrorResponse)) return true;
  return (
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 408 &&
    error.status !== 429
  );
}
