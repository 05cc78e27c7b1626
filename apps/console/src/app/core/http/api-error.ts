import { HttpErrorResponse } from '@angular/common/http';
import { ERROR_CODES, ErrorCode } from '@parley/shared/contracts';

/** The `code` of an API error response, or null when the failure did not come from the API (network, proxy, HTML error page). */
export function apiErrorCode(error: unknown): ErrorCode | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null || !('code' in body))
    return null;
  const code = body.code;
  return (ERROR_CODES as readonly unknown[]).includes(code)
    ? (code as ErrorCode)
    : null;
}
