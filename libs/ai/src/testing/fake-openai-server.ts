/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 (port chosen by the OS) for tests: the remote LLM is
 * the only thing tests fake. It serves /v1/chat/completions (JSON and SSE streams) and /v1/embeddings,
 * answers each request with the next scripted reply, and records every request it received.
 *
 *   const server = await startFakeOpenAiServer();
 *   server.enqueue(fakeReply.rateLimited(1), fakeReply.json({ category: 'shipping', ... }));
 *   const provider = createOpenAiProvider({ baseURL: server.baseURL, ... });
 *   ...
 *   await server.close();
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export type FakeReply =
  /** A chat completion with this message content (streamed in a few chunks when the request asks for a stream). */
  | { kind: 'chat'; content: string }
  /** An SSE stream of these content chunks; `stallAfterChunks` keeps the connection open and silent after that many. */
  | { kind: 'stream'; chunks: string[]; chunkIntervalMs?: number; stallAfterChunks?: number }
  /** Embeddings: the given vectors, or deterministic ones (`dimensions`, default 8) for each input. */
  | { kind: 'embeddings'; vectors?: number[][]; dimensions?: number }
  | { kind: 'error'; status: number; message?: string; headers?: Record<string, string> }
  /** Any JSON body, for replies the other kinds cannot express (out-of-order data, missing fields). */
  | { kind: 'raw'; status: number; body: unknown }
  /** Waits, then answers with `then` (no answer at all when the client gave up meanwhile). */
  | { kind: 'delay'; ms: number; then: FakeReply };

export const fakeReply = {
  /** A structured-output reply: the value as JSON content. */
  json: (value: unknown): FakeReply => ({ kind: 'chat', content: JSON.stringify(value) }),
  text: (content: string): FakeReply => ({ kind: 'chat', content }),
  stream: (chunks: string[], options: { chunkIntervalMs?: number; stallAfterChunks?: number } = {}): FakeReply => ({ kind: 'stream', chunks, ...options }),
  /** Sends these chunks, then nothing: the connection stays open until the client aborts. */
  stall: (chunksBeforeStall: string[], chunkIntervalMs?: number): FakeReply => ({ kind: 'stream', chunks: chunksBeforeStall, stallAfterChunks: chunksBeforeStall.length, chunkIntervalMs }),
  embeddings: (vectors?: number[][], dimensions?: number): FakeReply => ({ kind: 'embeddings', vectors, dimensions }),
  error: (status: number, options: { message?: string; headers?: Record<string, string> } = {}): FakeReply => ({ kind: 'error', status, ...options }),
  raw: (body: unknown, status = 200): FakeReply => ({ kind: 'raw', status, body }),
  rateLimited: (retryAfterSeconds: number): FakeReply => ({ kind: 'error', status: 429, message: 'Rate limit reached', headers: { 'retry-after': String(retryAfterSeconds) } }),
  delay: (ms: number, then: FakeReply): FakeReply => ({ kind: 'delay', ms, then }),
};

export interface RecordedRequest {
  method: string;
  /** e.g. "/v1/chat/completions" */
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (undefined when it was not JSON). */
  body: Record<string, unknown> | undefined;
  /** performance.now() when the request arrived, for measuring waits between attempts. */
  receivedAt: number;
}

export interface FakeOpenAiServerOptions {
  /**
   * Answers requests when the queue is empty. Default: deterministic embeddings, and HTTP 500 "no reply
   * queued" for chat, so a test that forgot to script a reply fails loudly.
   */
  respond?: (request: RecordedRequest) => FakeReply;
}

export interface FakeOpenAiServer {
  /** http://127.0.0.1:<port>/v1, ready for the SDK's baseURL. */
  readonly baseURL: string;
  readonly requests: readonly RecordedRequest[];
  /** Replies for the next requests, in order, whatever their endpoint. */
  enqueue(...replies: FakeReply[]): void;
  /** Scripted replies not used yet. */
  pending(): number;
  /** Forgets queued replies and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeOpenAiServer(options: FakeOpenAiServerOptions = {}): Promise<FakeOpenAiServer> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let completionSeq = 0;

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const server = createServer((req, res) => {
    const receivedAt = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: RecordedRequest = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0], headers: req.headers, body: parseJson(Buffer.concat(chunks).toString('utf8')), receivedAt };
      requests.push(request);
      if (request.method !== 'POST' || !['/v1/chat/completions', '/v1/embeddings'].includes(request.path)) {
        sendError(res, 404, `fake-openai: no route ${request.method} ${request.path}`);
        return;
      }
      const reply = queue.shift() ?? (options.respond ?? defaultRespond)(request);
      serve(request, req, res, reply);
    });
  });

  const serve = (request: RecordedRequest, req: IncomingMessage, res: ServerResponse, reply: FakeReply): void => {
    if (res.destroyed || res.writableEnded) return;
    const body = request.body ?? {};
    const model = typeof body['model'] === 'string' ? body['model'] : 'fake-model';
    switch (reply.kind) {
      case 'delay':
        later(reply.ms, () => serve(request, req, res, reply.then));
        return;
      case 'error':
        sendError(res, reply.status, reply.message ?? `fake-openai: HTTP ${reply.status}`, reply.headers);
        return;
      case 'raw':
        sendJson(res, reply.status, reply.body);
        return;
      case 'embeddings': {
        const inputs = Array.isArray(body['input']) ? (body['input'] as unknown[]).map(String) : [String(body['input'] ?? '')];
        const vectors = reply.vectors ?? inputs.map((text) => deterministicVector(text, reply.dimensions ?? 8));
        sendJson(res, 200, {
          object: 'list',
          model,
          data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
          usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
        });
        return;
      }
      case 'chat':
      case 'stream': {
        const id = `chatcmpl-fake-${++completionSeq}`;
        const chunks = reply.kind === 'chat' ? splitInThree(reply.content) : reply.chunks;
        const stallAfter = reply.kind === 'stream' ? reply.stallAfterChunks : undefined;
        if (body['stream'] === true) {
          streamChunks(res, id, model, chunks, reply.kind === 'stream' ? (reply.chunkIntervalMs ?? 5) : 0, stallAfter);
        } else if (stallAfter !== undefined) {
          // A stalled reply to a plain request: headers never come.
        } else {
          sendJson(res, 200, {
            id,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model,
            choices: [{ index: 0, message: { role: 'assistant', content: chunks.join(''), refusal: null }, finish_reason: 'stop', logprobs: null }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          });
        }
        return;
      }
    }
  };

  const streamChunks = (res: ServerResponse, id: string, model: string, chunks: string[], intervalMs: number, stallAfter?: number): void => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const event = (delta: Record<string, unknown>, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`;
    res.write(event({ role: 'assistant', content: '' }, null));
    const send = (i: number) => {
      if (res.destroyed) return;
      if (stallAfter !== undefined && i >= stallAfter) return; // silent until the client gives up
      if (i >= chunks.length) {
        res.end(`${event({}, 'stop')}data: [DONE]\n\n`);
        return;
      }
      res.write(event({ content: chunks[i] }, null));
      later(intervalMs, () => send(i + 1));
    };
    send(0);
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    pending: () => queue.length,
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function defaultRespond(request: RecordedRequest): FakeReply {
  return request.path === '/v1/embeddings' ? fakeReply.embeddings() : fakeReply.error(500, { message: 'fake-openai: no reply queued' });
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, message: string, headers?: Record<string, string>): void {
  sendJson(res, status, { error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', code: null, param: null } }, headers);
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function splitInThree(content: string): string[] {
  const third = Math.ceil(content.length / 3) || 1;
  const parts: string[] = [];
  for (let i = 0; i < content.length; i += third) parts.push(content.slice(i, i + third));
  return parts;
}

/** The same text always gives the same unit vector, so similar tests give stable rankings. */
export function deterministicVector(text: string, dimensions = 8): number[] {
  const v = new Array<number>(dimensions).fill(0);
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const code = ch.codePointAt(0) ?? 0;
    v[code % dimensions] += 1;
    v[(code * 31 + 7) % dimensions] += 0.5;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}
