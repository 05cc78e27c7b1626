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

/** One problem with one field of a request, as the API reports it in `validation_failed` details. */
export interface FieldIssue {
  /** Where in the request body: `url`, `items.0.quantity`, `definition.steps[2].buttons[0].next`... */
  path: string;
  message: string;
}

/**
 * The per-field problems of a `validation_failed` answer. The API reports them as
 * `{ field, errors[] }` (request validation) or `{ path, message }` (shared domain rules); both come
 * back here as `{ path, message }`, one per message. Anything else gives an empty list.
 */
export function apiFieldIssues(error: unknown): FieldIssue[] {
  if (apiErrorCode(error) !== 'validation_failed') return [];
  const details: unknown = ((error as HttpErrorResponse).error as { details?: unknown }).details;
  if (!Array.isArray(details)) return [];
  const issues: FieldIssue[] = [];
  for (const entry of details as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as { field?: unknown; errors?: unknown; path?: unknown; message?: unknown };
    if (typeof e.field === 'string' && Array.isArray(e.errors)) {
      for (const message of e.errors) if (typeof message === 'string') issues.push({ path: e.field, message });
    } else if (typeof e.path === 'string' && typeof e.message === 'string') {
      issues.push({ path: e.path, message: e.message });
    }
  }
  return issues;
}

/** The API's own message for a failed call (safe to show: the API never puts driver errors in it), if any. */
export function apiErrorMessage(error: unknown): string | null {
  if (apiErrorCode(error) === null) return null;
  const message: unknown = ((error as HttpErrorResponse).error as { message?: unknown }).message;
  return typeof message === 'string' && message ? message : null;
}

/** `steps[2].buttons[0].next` and `steps.2.buttons.0.next` alike become `steps.2.buttons.0.next`. */
export function normalizeIssuePath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .join('.');
}
