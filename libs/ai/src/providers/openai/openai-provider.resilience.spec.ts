import { performance } from 'node:perf_hooks';
import { fakeReply, startFakeOpenAiServer, type FakeOpenAiServer } from '../../testing/fake-openai-server';
import { CATEGORIES, VALID_TRIAGE } from './__fixtures__/replies';
import type { AiProviderError } from './openai-errors';
import { retryAfterFromHeaders } from './openai-errors';
import { OpenAiProvider, type OpenAiProviderOptions } from './openai-provider';
import { exponentialDelay } from './resilience';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OpenAiProvider resilience', () => {
  let server: FakeOpenAiServer;
  const provider = (overrides: Partial<OpenAiProviderOptions> = {}) =>
    new OpenAiProvider({ baseURL: server.baseURL, apiKey: 'sk-test', chatModel: 'gpt-4o-mini', categories: CATEGORIES, timeoutMs: 300, retryBaseDelayMs: 50, ...overrides });
  const classify = (p: OpenAiProvider) => p.classify({ text: '배송이 안 와요' });
  const gaps = () => server.requests.slice(1).map((r, i) => r.receivedAt - server.requests[i].receivedAt);

  beforeEach(async () => {
    server = await startFakeOpenAiServer();
  });
  afterEach(() => server.close());

  it('retries a 429 after the Retry-After it names, then succeeds', async () => {
    server.enqueue(fakeReply.rateLimited(1), fakeReply.json(VALID_TRIAGE));
    const output = await classify(provider());

    expect(output.category).toBe('shipping');
    expect(server.requests).toHaveLength(2);
    expect(gaps()[0]).toBeGreaterThanOrEqual(990);
    expect(gaps()[0]).toBeLessThan(1900); // slack for a busy CI machine; the default backoff would be ≤ 500 ms
  });

  it('honours retry-after-ms as well', async () => {
    server.enqueue(fakeReply.error(429, { headers: { 'retry-after-ms': '250' } }), fakeReply.json(VALID_TRIAGE));
    await classify(provider());
    expect(gaps()[0]).toBeGreaterThanOrEqual(240);
    expect(gaps()[0]).toBeLessThan(800);
  });

  it('does not wait for a Retry-After above the cap: the call fails at once so the fallback can answer', async () => {
    server.enqueue(fakeReply.rateLimited(3600), fakeReply.json(VALID_TRIAGE));
    const started = performance.now();
    const failure = (await classify(provider()).catch((e: unknown) => e)) as AiProviderError;

    expect(failure.code).toBe('rate_limited');
    expect(failure.retryable).toBe(false);
    expect(server.requests).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('retries a 500 maxRetries times with growing backoff, then gives up', async () => {
    server.enqueue(fakeReply.error(500), fakeReply.error(500), fakeReply.error(502), fakeReply.json(VALID_TRIAGE));
    const failure = (await classify(provider({ maxRetries: 2, retryBaseDelayMs: 100 })).catch((e: unknown) => e)) as AiProviderError;

    expect(failure.code).toBe('http_error');
    expect(failure.summary).toBe('HTTP 502 (3 attempts)');
    expect(server.requests).toHaveLength(3);
    expect(server.pending()).toBe(1);
    const [first, second] = gaps();
    expect(first).toBeGreaterThanOrEqual(70); // 100 ms minus up to 25 % jitter
    expect(second).toBeGreaterThanOrEqual(145); // 200 ms minus jitter
  });

  it('does not retry a 400: the request itself is wrong', async () => {
    server.enqueue(fakeReply.error(400, { message: "response_format 'json_schema' is not supported" }), fakeReply.json(VALID_TRIAGE));
    const failure = (await classify(provider()).catch((e: unknown) => e)) as AiProviderError;

    expect(failure.message).toBe("HTTP 400: response_format 'json_schema' is not supported");
    expect(server.requests).toHaveLength(1);
  });

  it('gives up on a server slower than the timeout within timeout × attempts + backoff', async () => {
    server.enqueue(fakeReply.delay(2000, fakeReply.json(VALID_TRIAGE)), fakeReply.delay(2000, fakeReply.json(VALID_TRIAGE)));
    const started = performance.now();
    const failure = (await classify(provider({ timeoutMs: 200, maxRetries: 1, retryBaseDelayMs: 20 })).catch((e: unknown) => e)) as AiProviderError;
    const took = performance.now() - started;

    expect(failure.code).toBe('timeout');
    expect(failure.summary).toBe('timed out after 200 ms (2 attempts)');
    expect(server.requests).toHaveLength(2);
    expect(took).toBeGreaterThanOrEqual(400);
    expect(took).toBeLessThan(1200); // the server would answer after 2 × 2000 ms
  });

  it('opens the circuit after N consecutive failures, sends nothing while open, and closes after a successful test call', async () => {
    const p = provider({ maxRetries: 0, circuitBreaker: { consecutiveFailures: 3, halfOpenAfterMs: 300 } });
    server.enqueue(fakeReply.error(500), fakeReply.error(500), fakeReply.error(500));
    for (let i = 0; i < 3; i++) await expect(classify(p)).rejects.toMatchObject({ code: 'http_error' });
    expect(p.circuitState().chat).toBe('open');

    server.enqueue(fakeReply.json(VALID_TRIAGE));
    for (let i = 0; i < 5; i++) await expect(classify(p)).rejects.toMatchObject({ code: 'circuit_open', attempts: 0 });
    expect(server.requests).toHaveLength(3);

    await sleep(350);
    await expect(classify(p)).resolves.toMatchObject({ category: 'shipping' });
    expect(p.circuitState().chat).toBe('closed');
    expect(server.requests).toHaveLength(4);
  });

  it('re-opens the circuit when the half-open test call fails', async () => {
    const p = provider({ maxRetries: 0, circuitBreaker: { consecutiveFailures: 1, halfOpenAfterMs: 150 } });
    server.enqueue(fakeReply.error(503), fakeReply.error(503));
    await expect(classify(p)).rejects.toMatchObject({ code: 'http_error' });
    await sleep(200);
    await expect(classify(p)).rejects.toMatchObject({ code: 'http_error' });
    await expect(classify(p)).rejects.toMatchObject({ code: 'circuit_open' });
    expect(server.requests).toHaveLength(2);
  });

  it('counts one failure per call, not per retry', async () => {
    const p = provider({ maxRetries: 2, retryBaseDelayMs: 5, circuitBreaker: { consecutiveFailures: 2, halfOpenAfterMs: 10_000 } });
    server.enqueue(fakeReply.error(500), fakeReply.error(500), fakeReply.error(500));
    await expect(classify(p)).rejects.toMatchObject({ code: 'http_error', attempts: 3 });
    expect(p.circuitState().chat).toBe('closed');
  });

  it('keeps embeddings on their own circuit', async () => {
    const p = provider({ embedModel: 'text-embedding-3-small', maxRetries: 0, circuitBreaker: { consecutiveFailures: 1, halfOpenAfterMs: 10_000 } });
    server.enqueue(fakeReply.error(404, { message: 'model not found' }));
    await expect(p.embed(['a'])).rejects.toMatchObject({ code: 'http_error' });
    expect(p.circuitState()).toEqual({ chat: 'closed', embeddings: 'open' });
    server.enqueue(fakeReply.json(VALID_TRIAGE));
    await expect(classify(p)).resolves.toMatchObject({ category: 'shipping' });
  });

  it('does not count a caller cancellation against the endpoint', async () => {
    const p = provider({ maxRetries: 0, streamIdleTimeoutMs: 2000, circuitBreaker: { consecutiveFailures: 1, halfOpenAfterMs: 10_000 } });
    server.enqueue(fakeReply.stall(['Hello']));
    const controller = new AbortController();
    const pending = p.draft({ conversation: [{ role: 'contact', text: 'hi' }], sources: [] }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(p.circuitState().chat).toBe('closed');
  });
});

describe('retry timing helpers', () => {
  it('reads retry-after-ms, Retry-After seconds and Retry-After dates', () => {
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '150' }))).toBe(150);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': '2' }))).toBe(2000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
  });

  it('doubles the backoff per attempt up to the cap, with at most 25 % jitter off', () => {
    expect(exponentialDelay(1, 500, 8000, () => 0)).toBe(500);
    expect(exponentialDelay(3, 500, 8000, () => 0)).toBe(2000);
    expect(exponentialDelay(10, 500, 8000, () => 0)).toBe(8000);
    expect(exponentialDelay(1, 500, 8000, () => 1)).toBe(375);
  });
});
