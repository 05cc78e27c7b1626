import type { AiCallMeta } from '@parley/ai';
import type { AiRunDto } from '@parley/shared/contracts';

/** The columns every stored AI output carries: which model, which prompt, how long, and any fallback. */
export interface AiRunColumns {
  provider: 'openai' | 'offline' | null;
  model: string | null;
  promptVersion: string | null;
  latencyMs: number | null;
  fallbackError: string | null;
}

export function runColumns(meta: AiCallMeta): AiRunColumns {
  return { provider: meta.provider, model: meta.model, promptVersion: meta.promptVersion, latencyMs: Math.round(meta.latencyMs), fallbackError: meta.fallback?.error ?? null };
}

export function toAiRun(r: AiRunColumns): AiRunDto | null {
  if (!r.provider) return null;
  return { provider: r.provider, model: r.model ?? '', promptVersion: r.promptVersion ?? '', latencyMs: r.latencyMs ?? 0, fallbackError: r.fallbackError };
}
