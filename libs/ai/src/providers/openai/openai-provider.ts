/**
 * OpenAI-compatible provider (OpenAI, vLLM, Ollama, anything serving /v1/chat/completions and
 * /v1/embeddings): triage with strict structured output, streamed drafts with citations, embeddings.
 *
 * Every call goes through `ResilientCaller` (deadline per attempt, bounded retries honouring Retry-After,
 * circuit breaker) and fails with an `AiProviderError`; the runtime turns failures into offline answers.
 */
import { OpenAI } from 'openai';
import type { ChatCompletionChunk, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type {
  CategoryDefinition,
  CategoryId,
  Classifier,
  ClassifierInfo,
  ClassifyInput,
  Draft,
  DraftInput,
  Drafter,
  Embedder,
  TriageOutput,
} from '../../ports';
import { DRAFT_PROMPT_VERSION, TRIAGE_PROMPT_VERSION, buildDraftPrompt, buildTriagePrompt, type ChatMessage } from '../../prompts';
import { triageJsonSchema } from '../../schemas';
import { draftFromReply, visibleDraftText } from './draft-reply';
import { AiProviderError } from './openai-errors';
import { ResilientCaller, type CircuitStateName } from './resilience';
import { parseTriageReply } from './triage-reply';

export type CategoryList = ReadonlyArray<CategoryDefinition | CategoryId>;

export interface OpenAiProviderOptions {
  /** e.g. https://api.openai.com/v1, http://vllm:8000/v1, http://ollama:11434/v1 */
  baseURL: string;
  apiKey: string;
  chatModel: string;
  /** Without it there are no embeddings (retrieval stays BM25 only). */
  embedModel?: string;
  /** Per attempt; for streams, the wait for the response to start. Default 20000. */
  timeoutMs?: number;
  /** Retries after the first attempt, on timeouts, connection errors, 408/409/429/5xx. Default 2. */
  maxRetries?: number;
  /** A stream with no chunk for this long is aborted and counts as a failure. Default 10000. */
  streamIdleTimeoutMs?: number;
  /** The workspace's categories; a function is read on every call, so renamed or added categories apply at once. */
  categories: CategoryList | (() => CategoryList);
  /** First retry delay when the server gives no Retry-After; doubles per retry. Default 500. */
  retryBaseDelayMs?: number;
  /** Upper bound of the computed backoff. Default 8000. */
  retryMaxDelayMs?: number;
  /** Longest Retry-After that is waited for; a longer one fails the call at once. Default 10000. */
  maxRetryAfterMs?: number;
  circuitBreaker?: {
    /** Consecutive failed calls that open the circuit. Default 5. */
    consecutiveFailures?: number;
    /** How long the circuit stays open before one test call is let through. Default 30000. */
    halfOpenAfterMs?: number;
  };
  /** Name drafts are signed with when the input has none. Default "Parley". */
  businessName?: string;
  /** Texts per embeddings request. Default 64. */
  embedBatchSize?: number;
  /** Asks for (and checks) this vector size; only for models that support `dimensions`. */
  embedDimensions?: number;
  /** Sent only when set: some models (o-series, gpt-5) reject anything but their default. */
  temperature?: number;
}

export interface DraftStreamOptions {
  /** Called with the text so far (without the NEEDS_HUMAN line) each time a chunk adds to it. */
  onDelta?: (textSoFar: string) => void;
  signal?: AbortSignal;
}

export const OPENAI_DEFAULTS = {
  timeoutMs: 20_000,
  maxRetries: 2,
  streamIdleTimeoutMs: 10_000,
  retryBaseDelayMs: 500,
  retryMaxDelayMs: 8_000,
  maxRetryAfterMs: 10_000,
  consecutiveFailures: 5,
  halfOpenAfterMs: 30_000,
  embedBatchSize: 64,
} as const;

export class OpenAiProvider implements Classifier, Drafter, Embedder {
  readonly chatModel: string;
  readonly embedModel?: string;
  private readonly client: OpenAI;
  // Separate circuits: a missing embedding model must not stop triage and drafts, and the reverse.
  private readonly chat: ResilientCaller;
  private readonly embeddings: ResilientCaller;
  private readonly streamIdleTimeoutMs: number;
  private readonly timeoutMs: number;
  private embedDimensionsSeen = 0;

  constructor(private readonly options: OpenAiProviderOptions) {
    if (!options.baseURL) throw new Error('OpenAI-compatible provider: baseURL (AI_BASE_URL) is required');
    if (!options.chatModel) throw new Error('OpenAI-compatible provider: chatModel (AI_CHAT_MODEL) is required');
    this.chatModel = options.chatModel;
    this.embedModel = options.embedModel || undefined;
    this.timeoutMs = positiveMs(options.timeoutMs, OPENAI_DEFAULTS.timeoutMs);
    this.streamIdleTimeoutMs = positiveMs(options.streamIdleTimeoutMs, OPENAI_DEFAULTS.streamIdleTimeoutMs);
    // The SDK neither retries nor waits on its own: see resilience.ts for why. Servers without auth
    // (vLLM, Ollama) accept any key, and the SDK refuses to start without one.
    this.client = new OpenAI({ baseURL: options.baseURL, apiKey: options.apiKey || 'none', timeout: this.timeoutMs, maxRetries: 0 });
    const resilience = {
      timeoutMs: this.timeoutMs,
      maxRetries: Math.max(0, options.maxRetries ?? OPENAI_DEFAULTS.maxRetries),
      retryBaseDelayMs: options.retryBaseDelayMs ?? OPENAI_DEFAULTS.retryBaseDelayMs,
      retryMaxDelayMs: options.retryMaxDelayMs ?? OPENAI_DEFAULTS.retryMaxDelayMs,
      maxRetryAfterMs: options.maxRetryAfterMs ?? OPENAI_DEFAULTS.maxRetryAfterMs,
      breakerThreshold: Math.max(1, options.circuitBreaker?.consecutiveFailures ?? OPENAI_DEFAULTS.consecutiveFailures),
      breakerHalfOpenAfterMs: options.circuitBreaker?.halfOpenAfterMs ?? OPENAI_DEFAULTS.halfOpenAfterMs,
    };
    this.chat = new ResilientCaller(resilience);
    this.embeddings = new ResilientCaller(resilience);
  }

  /** For health checks and the console: 'open' means calls are answered offline without trying. */
  circuitState(): { chat: CircuitStateName; embeddings: CircuitStateName } {
    return { chat: this.chat.state, embeddings: this.embeddings.state };
  }

  get model(): string {
    return this.embedModel ?? '';
  }

  /** 0 until the first embeddings call, unless `embedDimensions` was configured. */
  get dimensions(): number {
    return this.options.embedDimensions ?? this.embedDimensionsSeen;
  }

  get canEmbed(): boolean {
    return !!this.embedModel;
  }

  info(): ClassifierInfo {
    return { provider: 'openai', model: this.chatModel, version: TRIAGE_PROMPT_VERSION, trainingSetSize: 0, categories: this.categories().map((c) => c.id) };
  }

  async classify(input: ClassifyInput, signal?: AbortSignal): Promise<TriageOutput> {
    const categories = this.categories();
    const ids = categories.map((c) => c.id);
    const messages = buildTriagePrompt(categories, input.text ?? '', input.context?.previousMessages ?? [], input.context?.flowChoice);
    return this.chat.guarded(
      () =>
        this.chat.retrying(
          async (attemptSignal) => {
            const completion = await this.client.chat.completions.create(
              {
                model: this.chatModel,
                messages: toSdkMessages(messages),
                response_format: { type: 'json_schema', json_schema: triageJsonSchema(ids) },
                ...this.sampling(),
              },
              { signal: attemptSignal },
            );
            const message = completion.choices[0]?.message;
            if (message?.refusal) throw new AiProviderError('invalid_output', 'invalid output: the model refused');
            // Parsed inside the attempt so a bad reply counts against the circuit, but it is not retried.
            return parseTriageReply(message?.content, input.text ?? '', ids);
          },
          signal,
          true,
        ),
      signal,
    );
  }

  async draft(input: DraftInput, options: DraftStreamOptions = {}): Promise<Draft> {
    const question = [...input.conversation].reverse().find((t) => t.role === 'contact')?.text ?? '';
    const messages = buildDraftPrompt(question, input.sources, input.businessName ?? this.options.businessName ?? 'Parley');
    const raw = await this.chat.guarded(() => this.streamText(messages, options), options.signal);
    return draftFromReply({ raw, question, sources: input.sources, answerability: input.answerability });
  }

  /** One vector per text, in order; batched, and checked for count and size before anything is returned. */
  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const model = this.embedModel;
    if (!model) throw new AiProviderError('invalid_output', 'no embedding model configured');
    if (texts.length === 0) return [];
    const batchSize = Math.max(1, this.options.embedBatchSize ?? OPENAI_DEFAULTS.embedBatchSize);
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      const batch = texts.slice(start, start + batchSize).map((t) => (t.trim() ? t : ' '));
      const result = await this.embeddings.guarded(
        () =>
          this.embeddings.retrying(
            async (attemptSignal) => {
              const response = await this.client.embeddings.create(
                {
                  model,
                  input: batch,
                  // The SDK would ask for base64 by default, which vLLM and Ollama do not all serve.
                  encoding_format: 'float',
                  ...(this.options.embedDimensions ? { dimensions: this.options.embedDimensions } : {}),
                },
                { signal: attemptSignal },
              );
              return this.checkVectors(response.data, batch.length);
            },
            signal,
            true,
          ),
        signal,
      );
      vectors.push(...result);
    }
    return vectors;
  }

  private checkVectors(data: Array<{ index: number; embedding: unknown }> | undefined, expected: number): number[][] {
    if (!Array.isArray(data) || data.length !== expected) {
      throw new AiProviderError('invalid_output', `invalid output: ${Array.isArray(data) ? data.length : 0} vectors for ${expected} texts`);
    }
    const ordered = [...data].sort((a, b) => a.index - b.index);
    const dimensions = this.dimensions;
    const vectors = ordered.map((d, i) => {
      const v = d.embedding;
      if (d.index !== i || !Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
        throw new AiProviderError('invalid_output', 'invalid output: malformed embedding');
      }
      return v as number[];
    });
    const size = dimensions || vectors[0].length;
    if (vectors.some((v) => v.length !== size)) {
      throw new AiProviderError('invalid_output', `invalid output: embedding size ${vectors.find((v) => v.length !== size)?.length}, expected ${size}`);
    }
    this.embedDimensionsSeen = size;
    return vectors;
  }

  /**
   * Streams one chat completion. Retried only until the response starts: once text has been shown through
   * onDelta, a failure is final (a retry would rewrite what the agent already saw).
   */
  private async streamText(messages: ChatMessage[], { onDelta, signal }: DraftStreamOptions): Promise<string> {
    const stream = await this.chat.retrying(
      (attemptSignal) =>
        this.client.chat.completions.create(
          { model: this.chatModel, messages: toSdkMessages(messages), stream: true, ...this.sampling() },
          { signal: attemptSignal, timeout: this.timeoutMs },
        ),
      signal,
      false,
    );
    let text = '';
    let shown = '';
    let stalled = false;
    let idleTimer: NodeJS.Timeout | undefined;
    const armIdleTimer = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        stalled = true;
        stream.controller.abort();
      }, this.streamIdleTimeoutMs);
    };
    const cancel = () => stream.controller.abort();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      armIdleTimer();
      // The SDK ends the loop quietly when the stream is aborted, hence the checks after it.
      for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
        armIdleTimer();
        const delta = chunk.choices[0]?.delta?.content;
        if (!delta) continue;
        text += delta;
        const visible = visibleDraftText(text);
        if (onDelta && visible !== shown) {
          shown = visible;
          notify(onDelta, visible);
        }
      }
    } catch (error) {
      if (!stalled && !signal?.aborted) {
        throw error instanceof AiProviderError ? error : new AiProviderError('connection_failed', 'stream interrupted');
      }
    } finally {
      clearTimeout(idleTimer);
      signal?.removeEventListener('abort', cancel);
    }
    if (signal?.aborted) throw new AiProviderError('aborted', 'cancelled by the caller');
    if (stalled) throw new AiProviderError('stream_stalled', `stream stalled: no data for ${this.streamIdleTimeoutMs} ms`);
    return text;
  }

  private categories(): CategoryDefinition[] {
    const list = typeof this.options.categories === 'function' ? this.options.categories() : this.options.categories;
    const definitions = list.map((c) => (typeof c === 'string' ? { id: c, label: c } : c));
    if (definitions.length === 0) throw new AiProviderError('invalid_output', 'no categories configured');
    return definitions;
  }

  private sampling(): { temperature?: number } {
    return this.options.temperature === undefined ? {} : { temperature: this.options.temperature };
  }
}

export function createOpenAiProvider(options: OpenAiProviderOptions): OpenAiProvider {
  return new OpenAiProvider(options);
}

/** Prompt versions this provider stamps on its results. */
export const OPENAI_PROMPT_VERSIONS = { triage: TRIAGE_PROMPT_VERSION, draft: DRAFT_PROMPT_VERSION } as const;

/** The SDK insists on integer milliseconds; a missing or nonsensical value means the default. */
function positiveMs(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.max(1, Math.round(value)) : fallback;
}

function toSdkMessages(messages: ChatMessage[]): ChatCompletionMessageParam[] {
  return messages.map((m) => ({ role: m.role, content: m.content }));
}

function notify(onDelta: (textSoFar: string) => void, text: string): void {
  try {
    onDelta(text);
  } catch {
    // A broken listener (a closed socket in the API) must not fail the draft or count against the endpoint.
  }
}
