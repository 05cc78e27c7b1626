/**
 * The one object the API uses for AI: the configured remote provider when there is one, the offline
 * provider otherwise, and the offline provider again whenever the remote one fails (after its retries,
 * or at once while its circuit is open). Every answer says which provider gave it and why.
 */
import { performance } from 'node:perf_hooks';
import type { ClassifyInput, Classifier, Draft, DraftInput, Drafter, TriageOutput } from '../ports';
import { DRAFT_PROMPT_VERSION, TRIAGE_PROMPT_VERSION } from '../prompts';
import { AiProviderError } from '../providers/openai/openai-errors';
import { OpenAiProvider, type OpenAiProviderOptions } from '../providers/openai/openai-provider';

export interface AiCallMeta {
  provider: 'openai' | 'offline';
  /** e.g. 'gpt-4o-mini', or the offline model name and version ('offline-linear@3f2a…-n738'). */
  model: string;
  /** TRIAGE_PROMPT_VERSION / DRAFT_PROMPT_VERSION, or 'offline-…' for the offline path. */
  promptVersion: string;
  latencyMs: number;
  /** Set when the configured remote provider failed and the offline provider answered instead. */
  fallback?: { from: 'openai'; error: string };
}

export interface DraftCallOptions {
  /** Text so far while the draft streams; the last call always carries the final body. */
  onDelta?: (textSoFar: string) => void;
  signal?: AbortSignal;
}

export interface AiRuntime {
  readonly primary: 'openai' | 'offline';
  classify(input: ClassifyInput): Promise<{ output: TriageOutput; meta: AiCallMeta }>;
  draft(input: DraftInput, options?: DraftCallOptions): Promise<{ output: Draft; meta: AiCallMeta }>;
  /** Dense vectors for hybrid retrieval; null when there is no embedder (offline only) or it failed. */
  embed(texts: string[]): Promise<{ vectors: number[][]; model: string } | null>;
}

/**
 * The offline provider's parts. Both properties are read on every call, so the API can swap the
 * classifier after a background retrain by assigning a new one (or pass an object with getters):
 *
 *   const offline = { classifier, drafter };
 *   const ai = createAiRuntime({ offline, openai });
 *   offline.classifier = retrained;   // next classify() uses it
 */
export interface OfflineParts {
  classifier: Classifier;
  drafter: Drafter;
}

export interface AiRuntimeOptions {
  offline: OfflineParts;
  /** Absent → offline only. */
  openai?: OpenAiProviderOptions;
  /** Clock for latencyMs; default performance.now. */
  now?: () => number;
}

export const OFFLINE_DRAFTER_MODEL = 'offline-extractive';
/** Version stamps for offline results, in place of a prompt version. */
export const OFFLINE_PROMPT_VERSIONS = { triage: 'offline-triage-1', draft: 'offline-draft-1' } as const;

export function createAiRuntime(options: AiRuntimeOptions): AiRuntime {
  const now = options.now ?? (() => performance.now());
  const remote = options.openai ? new OpenAiProvider(options.openai) : undefined;
  const elapsed = (started: number) => Math.max(0, Math.round(now() - started));

  const offlineClassify = async (input: ClassifyInput, started: number, fallback?: AiCallMeta['fallback']) => {
    const classifier = options.offline.classifier;
    const output = await classifier.classify(input);
    const info = classifier.info();
    const meta: AiCallMeta = { provider: 'offline', model: `${info.model}@${info.version}`, promptVersion: OFFLINE_PROMPT_VERSIONS.triage, latencyMs: elapsed(started) };
    return { output, meta: fallback ? { ...meta, fallback } : meta };
  };

  const offlineDraft = async (input: DraftInput, started: number, fallback?: AiCallMeta['fallback']) => {
    const output = await options.offline.drafter.draft(input);
    const meta: AiCallMeta = { provider: 'offline', model: OFFLINE_DRAFTER_MODEL, promptVersion: OFFLINE_PROMPT_VERSIONS.draft, latencyMs: elapsed(started) };
    return { output, meta: fallback ? { ...meta, fallback } : meta };
  };

  return {
    primary: remote ? 'openai' : 'offline',

    async classify(input) {
      const started = now();
      if (!remote) return offlineClassify(input, started);
      try {
        const output = await remote.classify(input);
        return { output, meta: { provider: 'openai', model: remote.chatModel, promptVersion: TRIAGE_PROMPT_VERSION, latencyMs: elapsed(started) } };
      } catch (error) {
        return offlineClassify(input, started, fallbackFrom(error));
      }
    },

    async draft(input, callOptions = {}) {
      const { onDelta, signal } = callOptions;
      const started = now();
      let lastShown: string | undefined;
      const show = (text: string) => {
        lastShown = text;
        onDelta?.(text);
      };
      const finish = (result: { output: Draft; meta: AiCallMeta }) => {
        // The final body differs from the streamed text (citations renumbered) or was never streamed (offline).
        if (onDelta && result.output.body !== lastShown) show(result.output.body);
        return result;
      };
      const hasQuestion = input.conversation.some((t) => t.role === 'contact' && t.text.trim());
      // Nothing to answer: the offline hand-off says so without spending a remote call.
      if (!remote || !hasQuestion) return finish(await offlineDraft(input, started));
      try {
        const output = await remote.draft(input, { onDelta: show, signal });
        return finish({ output, meta: { provider: 'openai', model: remote.chatModel, promptVersion: DRAFT_PROMPT_VERSION, latencyMs: elapsed(started) } });
      } catch (error) {
        if (signal?.aborted || (error instanceof AiProviderError && error.code === 'aborted')) throw error;
        return finish(await offlineDraft(input, started, fallbackFrom(error)));
      }
    },

    async embed(texts) {
      if (!remote?.canEmbed) return null;
      try {
        return { vectors: await remote.embed(texts), model: remote.model };
      } catch {
        return null;
      }
    },
  };
}

function fallbackFrom(error: unknown): { from: 'openai'; error: string } {
  const text = error instanceof AiProviderError ? error.summary : error instanceof Error ? `unexpected ${error.name}` : 'unexpected failure';
  return { from: 'openai', error: text };
}
