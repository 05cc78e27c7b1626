import {
  HttpErrorResponse,
  HttpInterceptorFn,
  HttpRequest,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { AUTH_API, AuthService } from './auth.service';

/** Login and refresh authenticate with the request body; a 401 from them is an answer, not an expired token. */
const TOKEN_ENDPOINTS: readonly string[] = [AUTH_API.login, AUTH_API.refresh];

/**
 * Adds the agent's access token to our own API calls (never to other origins). On a 401 it
 * refreshes the token once — shared by every request that failed meanwhile — and retries once.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (
    !isApiCall(req) ||
    TOKEN_ENDPOINTS.includes(req.url) ||
    req.headers.has('Authorization')
  ) {
    return next(req);
  }
  const auth = inject(AuthService);
  const sentToken = auth.accessToken();
  if (!sentToken) return next(req);

  return next(withBearer(req, sentToken)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401)
        return throwError(() => error);

      // Another request already refreshed while this one was in flight: just retry with the new token.
      const currentToken = auth.accessToken();
      if (currentToken && currentToken !== sentToken)
        return next(withBearer(req, currentToken));

      // A refresh the server rejects ends the session (AuthService sends the agent to /login).
      // The caller always gets an HttpErrorResponse: the refresh's own, or else this 401.
      return auth.refreshAccessToken().pipe(
        catchError((refreshError: unknown) =>
          throwError(() =>
            refreshError instanceof HttpErrorResponse ? refreshError : error,
          ),
        ),
        // Retried once: a 401 on the retry goes back to the caller rather than looping.
        switchMap((freshToken) => next(withBearer(req, freshToken))),
      );
    }),
  );
};

function isApiCall(req: HttpRequest<unknown>): boolean {
  return req.url.startsWith('/api/');
}

function withBearer(
  req: HttpRequest<unknown>,
  token: string,
): HttpRequest<unknown> {
  return req.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}
