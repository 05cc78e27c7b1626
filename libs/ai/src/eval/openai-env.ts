/**
 * `--provider openai` for the eval scripts: provider options from the same environment variables the API
 * reads, and a tally of which answers really came from the remote model (a silent fallback would make
 * the offline model's numbers look like the remote one's).
 */
import type { CategoryDefinition } from '../ports';
import type { OpenAiProviderOptions } from '../providers/openai/openai-provider';
import type { AiCallMeta } from '../runtime/ai-runtime';

const REQUIRED = ['AI_BASE_URL', 'AI_API_KEY', 'AI_CHAT_MODEL'] as const;

export function openAiOptionsFromEnv(env: NodeJS.ProcessEnv, categories: readonly CategoryDefinition[]): OpenAiProviderOptions {
  const missing = REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length) {
    throw new Error(
      `--provider openai needs ${REQUIRED.join(', ')} in the environment (missing: ${missing.join(', ')}). ` +
        'AI_EMBED_MODEL is optional. Servers without auth (vLLM, Ollama) accept any AI_API_KEY, e.g. "none".',
    );
  }
  const read = (name: string) => env[name]?.trim() as string;
  const timeoutMs = Number(env['AI_TIMEOUT_MS'] ?? '');
  return {
    baseURL: read('AI_BASE_URL'),
    apiKey: read('AI_API_KEY'),
    chatModel: read('AI_CHAT_MODEL'),
    embedModel: env['AI_EMBED_MODEL']?.trim() || undefined,
    ...(Number.isFinite(timeoutMs) && timeoutMs > 0 ? { timeoutMs } : {}),
    categories,
  };
}

export class FallbackTally {
  private remote = 0;
  private readonly errors = new Map<string, number>();

  record(meta: AiCallMeta): void {
    if (meta.fallback) this.errors.set(meta.fallback.error, (this.errors.get(meta.fallback.error) ?? 0) + 1);
    else if (meta.provider === 'openai') this.remote++;
  }

  get fallbacks(): number {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }

  /** e.g. "remote answers 148/150, offline fallbacks 2 (HTTP 500 (3 attempts) ×2)" */
  summary(): string {
    const total = this.remote + this.fallbacks;
    const top = [...this.errors.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([error, n]) => `${error} ×${n}`)
      .join('; ');
    return `remote answers ${this.remote}/${total}, offline fallbacks ${this.fallbacks}${top ? ` (${top})` : ''}`;
  }
}
