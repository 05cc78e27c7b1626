/**
 * Timeouts, retries and circuit breaking for calls to the remote model (cockatiel).
 *
 * Retries are done here, not by the SDK (it gets `maxRetries: 0`): openai@6 waits for whatever Retry-After
 * says with no upper bound and its sleep ignores abort signals, so one "retry-after: 3600" would park a job
 * for an hour. Here Retry-After is honoured up to `maxRetryAfterMs`; beyond that the call fails at once
 * and the runtime answers offline.
 *
 * Layers, outside in: circuit breaker (one failure per call, whatever its retries) → retry with
 * exponential backoff or Retry-After → per-attempt deadline.
 */
import {
  CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  RetryPolicy,
  TimeoutPolicy,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  type IRetryBackoffContext,
} from 'cockatiel';
import { AiProviderError, toProviderError, type ErrorContext } from './openai-errors';

export interface ResilienceOptions {
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  maxRetryAfterMs: number;
  /** Consecutive failed calls that open the circuit. */
  breakerThreshold: number;
  /** How long an open circuit refuses calls before letting one test call through. */
  breakerHalfOpenAfterMs: number;
}

export type CircuitStateName = 'closed' | 'open' | 'half-open' | 'isolated';

export class ResilientCaller {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly retry: RetryPolicy;
  private readonly attemptDeadline: TimeoutPolicy;

  constructor(private readonly options: ResilienceOptions) {
    // A caller's cancellation says nothing about the endpoint's health.
    this.breaker = circuitBreaker(
      handleWhen((error) => !(error instanceof AiProviderError && error.code === 'aborted')),
      { halfOpenAfter: options.breakerHalfOpenAfterMs, breaker: new ConsecutiveBreaker(options.breakerThreshold) },
    );
    this.retry = retry(
      handleWhen((error) => error instanceof AiProviderError && error.retryable),
      {
        maxAttempts: options.maxRetries,
        backoff: new DelegateBackoff<IRetryBackoffContext<unknown>>((context) => {
          const error = 'error' in context.result ? context.result.error : undefined;
          if (error instanceof AiProviderError && error.retryAfterMs !== undefined) return error.retryAfterMs;
          return exponentialDelay(context.attempt, options.retryBaseDelayMs, options.retryMaxDelayMs);
        }),
      },
    );
    this.attemptDeadline = timeout(options.timeoutMs, TimeoutStrategy.Aggressive);
  }

  get state(): CircuitStateName {
    switch (this.breaker.state) {
      case CircuitState.Closed:
        return 'closed';
      case CircuitState.Open:
        return 'open';
      case CircuitState.HalfOpen:
        return 'half-open';
      default:
        return 'isolated';
    }
  }

  /** Runs `body` inside the circuit breaker; every failure comes out as an AiProviderError. */
  async guarded<T>(body: () => Promise<T>, callerSignal?: AbortSignal): Promise<T> {
    try {
      return await this.breaker.execute(() => body(), callerSignal);
    } catch (error) {
      const failure = toProviderError(error, this.errorContext(callerSignal));
      if (failure.code === 'circuit_open') failure.attempts = 0;
      throw failure;
    }
  }

  /**
   * Retries `attempt` on retryable failures. With `deadline`, each attempt is bounded by `timeoutMs`
   * (including reading the body); streams pass false and bound only the wait for headers via the SDK.
   */
  async retrying<T>(attempt: (signal: AbortSignal | undefined) => Promise<T>, callerSignal: AbortSignal | undefined, deadline: boolean): Promise<T> {
    let attempts = 0;
    const context = this.errorContext(callerSignal);
    try {
      return await this.retry.execute(async () => {
        attempts++;
        try {
          return deadline ? await this.attemptDeadline.execute(({ signal }) => attempt(signal), callerSignal) : await attempt(callerSignal);
        } catch (error) {
          throw toProviderError(error, context);
        }
      }, callerSignal);
    } catch (error) {
      const failure = toProviderError(error, context);
      failure.attempts = attempts;
      throw failure;
    }
  }

  private errorContext(callerSignal?: AbortSignal): ErrorContext {
    return { callerSignal, timeoutMs: this.options.timeoutMs, maxRetryAfterMs: this.options.maxRetryAfterMs };
  }
}

/** base · 2^(attempt−1), capped, minus up to 25 % jitter so parallel jobs do not retry in step. */
export function exponentialDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1)) * (1 - random() * 0.25);
}
