import { performance } from 'node:perf_hooks';
import type { LabelledExample } from '../ports';
import { DRAFT_PROMPT_VERSION, TRIAGE_PROMPT_VERSION } from '../prompts';
import { OfflineDrafter } from '../providers/offline/drafting/offline-drafter';
import { OFFLINE_MODEL_NAME, OfflineClassifier } from '../providers/offline/triage/offline-classifier';
import { CATEGORIES, SOURCES, VALID_TRIAGE } from '../providers/openai/__fixtures__/replies';
import type { OpenAiProviderOptions } from '../providers/openai/openai-provider';
import { fakeReply, startFakeOpenAiServer, type FakeOpenAiServer } from '../testing/fake-openai-server';
import { createAiRuntime, OFFLINE_DRAFTER_MODEL, OFFLINE_PROMPT_VERSIONS, type OfflineParts } from './ai-runtime';

// A small real offline model: trains in well under a second.
const EXAMPLES: LabelledExample[] = [
  { text: '배송이 언제 오나요', category: 'shipping', sentiment: 'neutral', urgent: false },
  { text: 'where is my package, tracking shows nothing', category: 'shipping', sentiment: 'negative', urgent: false },
  { text: '결제가 안 돼요 카드 오류', category: 'payment', sentiment: 'negative', urgent: false },
  { text: 'card payment failed twice', category: 'payment', sentiment: 'negative', urgent: false },
  { text: '안녕하세요 감사합니다', category: 'general', sentiment: 'positive', urgent: false },
  { text: 'thanks a lot for the help', category: 'general', sentiment: 'positive', urgent: false },
];
const trainOffline = (examples = EXAMPLES) => new OfflineClassifier({ includeStarter: false, training: { calibrationFolds: 1 }, extraExamples: examples });

describe('createAiRuntime', () => {
  let server: FakeOpenAiServer;
  let offline: OfflineParts;
  const openai = (overrides: Partial<OpenAiProviderOptions> = {}): OpenAiProviderOptions => ({
    baseURL: server.baseURL,
    apiKey: 'sk-test',
    chatModel: 'gpt-4o-mini',
    embedModel: 'text-embedding-3-small',
    categories: CATEGORIES,
    timeoutMs: 300,
    maxRetries: 1,
    retryBaseDelayMs: 20,
    streamIdleTimeoutMs: 200,
    ...overrides,
  });
  const question = { conversation: [{ role: 'contact' as const, text: '미국에서 배송 얼마나 걸려요?' }], sources: SOURCES, answerability: 0.8 };

  beforeAll(() => {
    offline = { classifier: trainOffline(), drafter: new OfflineDrafter({ businessName: 'Parcelhop' }) };
  });
  beforeEach(async () => {
    server = await startFakeOpenAiServer();
  });
  afterEach(() => server.close());

  describe('offline only', () => {
    it('answers from the offline parts and names the offline model and version', async () => {
      const ai = createAiRuntime({ offline });
      expect(ai.primary).toBe('offline');

      const { output, meta } = await ai.classify({ text: '배송이 언제 오나요?' });
      expect(output.category).toBe('shipping');
      expect(meta).toMatchObject({ provider: 'offline', model: `${OFFLINE_MODEL_NAME}@${offline.classifier.info().version}`, promptVersion: OFFLINE_PROMPT_VERSIONS.triage });
      expect(meta.fallback).toBeUndefined();

      const draft = await ai.draft(question);
      expect(draft.meta).toMatchObject({ provider: 'offline', model: OFFLINE_DRAFTER_MODEL, promptVersion: OFFLINE_PROMPT_VERSIONS.draft });
      await expect(ai.embed(['a'])).resolves.toBeNull();
    });

    it('uses a classifier swapped in after a retrain', async () => {
      const parts: OfflineParts = { classifier: trainOffline(), drafter: offline.drafter };
      const ai = createAiRuntime({ offline: parts });
      const before = (await ai.classify({ text: 'refund please' })).meta.model;

      parts.classifier = trainOffline([...EXAMPLES, { text: 'refund please, item broken', category: 'return_refund', sentiment: 'negative', urgent: false }]);
      const after = await ai.classify({ text: 'refund please' });
      expect(after.output.category).toBe('return_refund');
      expect(after.meta.model).not.toBe(before);
    });

    it('measures latency with the injected clock', async () => {
      let t = 1000;
      const ai = createAiRuntime({ offline, now: () => (t += 7) });
      expect((await ai.classify({ text: 'hi' })).meta.latencyMs).toBe(7);
    });
  });

  describe('with an OpenAI-compatible provider', () => {
    it('classifies remotely and stamps the model and prompt version', async () => {
      server.enqueue(fakeReply.json(VALID_TRIAGE));
      const ai = createAiRuntime({ offline, openai: openai() });
      const { output, meta } = await ai.classify({ text: '송장 PHX240312047 배송이 늦어요' });

      expect(ai.primary).toBe('openai');
      expect(output.confidence).toBe(0.87);
      expect(meta).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', promptVersion: TRIAGE_PROMPT_VERSION });
      expect(meta.fallback).toBeUndefined();
    });

    it('falls back to the offline classifier on invalid JSON and records why', async () => {
      server.enqueue(fakeReply.text('Sure! The category is shipping.'));
      const { output, meta } = await createAiRuntime({ offline, openai: openai() }).classify({ text: '배송이 언제 오나요?' });

      expect(meta).toMatchObject({ provider: 'offline', fallback: { from: 'openai', error: 'invalid output: not JSON' } });
      expect(output.scores).toBeDefined(); // the offline model's answer, not the remote one
    });

    it('falls back on schema-violating JSON and never uses any of it', async () => {
      server.enqueue(fakeReply.json({ ...VALID_TRIAGE, category: 'payment', urgent: 'yes' }));
      const { output, meta } = await createAiRuntime({ offline, openai: openai() }).classify({ text: '배송이 언제 오나요?' });

      expect(meta.fallback?.error).toBe('invalid output: urgent is not boolean');
      expect(output.category).toBe('shipping');
      expect(output.urgent).toBe(false);
    });

    it('retries a 500, then falls back, saying how many attempts were made', async () => {
      server.enqueue(fakeReply.error(500), fakeReply.error(500));
      const { meta } = await createAiRuntime({ offline, openai: openai({ maxRetries: 1 }) }).classify({ text: '배송이 언제 오나요?' });

      expect(server.requests).toHaveLength(2);
      expect(meta).toMatchObject({ provider: 'offline', fallback: { from: 'openai', error: 'HTTP 500 (2 attempts)' } });
    });

    it('falls back within the time bound when the server is slower than the timeout', async () => {
      server.enqueue(fakeReply.delay(3000, fakeReply.json(VALID_TRIAGE)), fakeReply.delay(3000, fakeReply.json(VALID_TRIAGE)));
      const started = performance.now();
      const { meta } = await createAiRuntime({ offline, openai: openai({ timeoutMs: 250, maxRetries: 1 }) }).classify({ text: '배송이 언제 오나요?' });
      const took = performance.now() - started;

      expect(meta.fallback?.error).toBe('timed out after 250 ms (2 attempts)');
      expect(took).toBeLessThan(2 * 250 + 20 + 700); // the server would answer after 2 × 3000 ms
      expect(meta.latencyMs).toBeGreaterThanOrEqual(500);
    });

    it('answers offline without any request while the circuit is open', async () => {
      server.enqueue(fakeReply.error(500), fakeReply.error(500));
      const ai = createAiRuntime({ offline, openai: openai({ maxRetries: 0, circuitBreaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 } }) });
      await ai.classify({ text: 'a' });
      await ai.classify({ text: 'b' });

      const started = performance.now();
      const results = await Promise.all([ai.classify({ text: 'c' }), ai.draft(question)]);
      expect(server.requests).toHaveLength(2);
      expect(results.map((r) => r.meta.fallback?.error)).toEqual(['circuit open (recent calls failed)', 'circuit open (recent calls failed)']);
      expect(performance.now() - started).toBeLessThan(200);
    });

    it('streams a remote draft: deltas while it arrives, then the final body with renumbered citations', async () => {
      server.enqueue(fakeReply.stream(['항공 배송은 ', '보통 5~7 영업일 [1], ', '면세는 USD 200까지 [3].', '\nNEEDS_HUMAN: no']));
      const deltas: string[] = [];
      const { output, meta } = await createAiRuntime({ offline, openai: openai() }).draft(question, { onDelta: (t) => deltas.push(t) });

      expect(meta).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', promptVersion: DRAFT_PROMPT_VERSION });
      expect(deltas.length).toBeGreaterThanOrEqual(3);
      expect(deltas.at(-1)).toBe(output.body);
      expect(output.body).toBe('항공 배송은 보통 5~7 영업일 [1], 면세는 USD 200까지 [2].');
      expect(output.sources.map((s) => s.id)).toEqual(['kb-01', 'kb-03']);
    });

    it('aborts a stalled stream and falls back to the offline draft, whose body is the last delta', async () => {
      server.enqueue(fakeReply.stall(['항공 배송은 ']));
      const deltas: string[] = [];
      const started = performance.now();
      const { output, meta } = await createAiRuntime({ offline, openai: openai({ streamIdleTimeoutMs: 150 }) }).draft(question, { onDelta: (t) => deltas.push(t) });

      expect(meta).toMatchObject({ provider: 'offline', fallback: { from: 'openai', error: 'stream stalled: no data for 150 ms' } });
      expect(deltas[0]).toBe('항공 배송은');
      expect(deltas.at(-1)).toBe(output.body);
      expect(performance.now() - started).toBeLessThan(800);
    });

    it('does not fall back when the caller cancels a draft', async () => {
      server.enqueue(fakeReply.stall(['항공 배송은 ']));
      const controller = new AbortController();
      const pending = createAiRuntime({ offline, openai: openai({ streamIdleTimeoutMs: 2000 }) }).draft(question, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    });

    it('drafts an empty conversation offline without a remote call', async () => {
      const { meta, output } = await createAiRuntime({ offline, openai: openai() }).draft({ conversation: [{ role: 'contact', text: '  ' }], sources: [] });
      expect(meta.provider).toBe('offline');
      expect(meta.fallback).toBeUndefined();
      expect(output.reason).toBe('empty_message');
      expect(server.requests).toHaveLength(0);
    });

    it('embeds through the remote model, and returns null when that fails or none is configured', async () => {
      const ai = createAiRuntime({ offline, openai: openai({ maxRetries: 0 }) });
      const result = await ai.embed(['배송 기간', 'storage']);
      expect(result?.model).toBe('text-embedding-3-small');
      expect(result?.vectors).toHaveLength(2);

      server.enqueue(fakeReply.error(500));
      await expect(ai.embed(['x'])).resolves.toBeNull();
      await expect(createAiRuntime({ offline, openai: openai({ embedModel: undefined }) }).embed(['x'])).resolves.toBeNull();
    });
  });
});
