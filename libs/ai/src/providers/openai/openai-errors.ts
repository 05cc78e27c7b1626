/**
 * One error type for everything the OpenAI-compatible provider can fail with. Messages are short and safe
 * to store next to a result (`meta.fallback.error`): a status, a cause, never a key or a raw response body.
 */
import { BrokenCircuitError, IsolatedCircuitError, TaskCancelledError } from 'cockatiel';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

export type AiProviderErrorCode =
  | 'timeout'
  | 'rate_limited'
  | 'http_error'
  | 'connection_failed'
  | 'invalid_output'
  | 'stream_stalled'
  | 'circuit_open'
  | 'aborted'
  | 'unexpected';

export class AiProviderError extends Error {
  override readonly name = 'AiProviderError';
  /** Attempts made (1 + retries) before giving up; 0 when the circuit refused the call. */
  attempts = 1;

  constructor(
    readonly code: AiProviderErrorCode,
    message: string,
    readonly retryable = false,
    /** What the server asked us to wait before the next attempt (Retry-After / retry-after-ms). */
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
  }

  /** The text stored with a fallback result, e.g. "HTTP 500 (3 attempts)". */
  get summary(): string {
    return this.attempts > 1 ? `${this.message} (${this.attempts} attempts)` : this.message;
  }
}

export interface ErrorContext {
  /** The caller's signal: when it fired, the failure is a cancellation, not a provider fault. */
  callerSignal?: AbortSignal;
  timeoutMs: number;
  /** Retry-After values above this are not waited for: the call fails at once and the fallback answers. */
  maxRetryAfterMs: number;
}

export function toProviderError(error: unknown, context: ErrorContext): AiProviderError {
  if (error instanceof AiProviderError) return error;
  if (context.callerSignal?.aborted) return new AiProviderError('aborted', 'cancelled by the caller');
  if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
    return new AiProviderError('circuit_open', 'circuit open (recent calls failed)');
  }
  // Our per-attempt deadline fired (cockatiel), or it aborted the SDK request from inside.
  if (error instanceof TaskCancelledError || error instanceof APIUserAbortError || error instanceof APIConnectionTimeoutError) {
    return new AiProviderError('timeout', `timed out after ${context.timeoutMs} ms`, true);
  }
  if (error instanceof APIConnectionError) return new AiProviderError('connection_failed', 'connection failed', true);
  if (error instanceof APIError && typeof error.status === 'number') return fromStatus(error, error.status, context);
  const name = error instanceof Error ? error.name : typeof error;
  return new AiProviderError('unexpected', `unexpected ${name}`);
}

function fromStatus(error: APIError, status: number, context: ErrorContext): AiProviderError {
  const retryAfterMs = retryAfterFromHeaders(error.headers);
  if (status === 429) {
    if (retryAfterMs !== undefined && retryAfterMs > context.maxRetryAfterMs) {
      return new AiProviderError('rate_limited', `rate limited (HTTP 429), retry-after ${Math.round(retryAfterMs / 1000)} s is over the limit`, false, retryAfterMs, status);
    }
    return new AiProviderError('rate_limited', 'rate limited (HTTP 429)', true, retryAfterMs, status);
  }
  const retryable = status === 408 || status === 409 || status >= 500;
  const cappedRetryAfter = retryAfterMs !== undefined && retryAfterMs <= context.maxRetryAfterMs ? retryAfterMs : undefined;
  // 401/403 messages can echo part of the key; say where to look instead.
  if (status === 401 || status === 403) return new AiProviderError('http_error', `HTTP ${status} (check AI_API_KEY)`, false, undefined, status);
  const detail = status < 500 ? providerMessage(error) : '';
  return new AiProviderError('http_error', `HTTP ${status}${detail ? `: ${detail}` : ''}`, retryable, cappedRetryAfter, status);
}

/** A 4xx usually names the configuration problem ("model not found", "json_schema not supported"). */
function providerMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : '';
  return message.replace(/\s+/g, ' ').trim().slice(0, 120);
}

/** `retry-after-ms` (OpenAI), else `Retry-After` in seconds or as an HTTP date. */
export function retryAfterFromHeaders(headers: Headers | undefined, nowMs = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
