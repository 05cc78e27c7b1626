import { fakeReply, startFakeOpenAiServer, type FakeOpenAiServer } from '@parley/ai';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { call, connect } from './support/sockets';
import { AI_BOOT_TIMEOUT_MS, createTestApp, TestApp } from './support/test-app';

/**
 * The API with an OpenAI-compatible model configured (a fake server on loopback; only the remote model
 * is faked): embeddings are stored per chunk and used for retrieval, remote triage is recorded with its
 * model, and a failing endpoint falls back to the offline model with the error recorded.
 */
describe('AI with a remote OpenAI-compatible model (e2e)', () => {
  let t: TestApp;
  let ai: FakeOpenAiServer;
  let inbox: { publicToken: string };
  const open: Socket[] = [];
  const auth = () => ({ authorization: `Bearer ${t.adminToken}` });

  async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined>, ms = 20_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function send(body: string) {
    const session = (await t.http().post('/api/v1/widget/sessions').send({ inboxToken: inbox.publicToken }).expect(200)).body;
    const socket = await connect(t.url, '/widget', { visitorToken: session.visitorToken });
    open.push(socket);
    const ack = await call(socket, 'message.send', { clientMessageId: randomUUID(), body });
    return ack.message as { id: string; conversationId: string };
  }

  const triageOf = async (messageId: string) => {
    const [row] = await t.db.query('SELECT * FROM triage_results WHERE message_id = $1', [messageId]);
    return row;
  };

  beforeAll(async () => {
    // Embeddings answer by default (deterministic vectors); chat replies are scripted per test.
    ai = await startFakeOpenAiServer();
    t = await createTestApp({
      listen: true,
      env: {
        AI_BASE_URL: ai.baseURL,
        AI_API_KEY: 'test-key',
        AI_CHAT_MODEL: 'fake-chat',
        AI_EMBED_MODEL: 'fake-embed',
        AI_TIMEOUT_MS: '2000',
        AI_WORKER_CONCURRENCY: '1',
        AI_JOB_RETRY_DELAY_SECONDS: '1',
      },
    });
    inbox = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'Web', channel: 'web_widget' }).expect(201)).body;
  }, AI_BOOT_TIMEOUT_MS);
  afterAll(async () => {
    for (const s of open) s.close();
    await t.close();
    await ai.close();
  });

  it('stores an embedding per chunk with its model, and retrieval ranks with them', async () => {
    const article = (await t.http().post('/api/v1/knowledge-articles').set(auth()).send({ title: '관세 안내', body: '150달러를 넘으면 관세와 부가세가 붙습니다.\n\n목록통관은 미국 200달러까지입니다.' }).expect(201)).body;
    const chunks = await waitFor('embeddings', async () => {
      const rows: { embedding: number[] | null; embedding_model: string | null }[] = await t.db.query('SELECT embedding, embedding_model FROM knowledge_chunks WHERE article_id = $1', [article.id]);
      return rows.length && rows.every((r) => r.embedding) ? rows : null;
    });
    expect(chunks.every((c) => c.embedding_model === 'fake-embed' && Array.isArray(c.embedding) && c.embedding.length > 0)).toBe(true);
    const embedRequests = ai.requests.filter((r) => r.path === '/v1/embeddings');
    expect(embedRequests.length).toBeGreaterThan(0);
    expect(embedRequests[0].body).toMatchObject({ model: 'fake-embed' });

    const before = ai.requests.filter((r) => r.path === '/v1/embeddings').length;
    const search = (await t.http().get('/api/v1/knowledge-articles/search').query({ q: '관세 얼마부터 붙어요?' }).set(auth()).expect(200)).body;
    expect(search.hits[0]).toMatchObject({ sourceId: article.id });
    // The query itself was embedded for the dense half of the ranking.
    expect(ai.requests.filter((r) => r.path === '/v1/embeddings').length).toBe(before + 1);
  });

  it('remote triage is stored with the remote model and prompt version', async () => {
    ai.enqueue(
      fakeReply.json({ category: 'shipping', confidence: 0.91, sentiment: 'neutral', urgent: false, language: 'ko', entities: { orderNumbers: [], trackingNumbers: [], company: null, quantities: [], amounts: [] } }),
      // retrieval embeds the question between triage and drafting
      fakeReply.embeddings(),
      fakeReply.stream(['관세는 150달러를 넘으면 붙습니다 [1].\n', 'NEEDS_HUMAN: no']),
    );
    const message = await send('관세는 언제 붙나요?');
    const triage = await waitFor('triage', () => triageOf(message.id));
    expect(triage).toMatchObject({ status: 'completed', provider: 'openai', model: 'fake-chat', category: 'shipping', fallback_error: null });
    expect(triage.prompt_version).toMatch(/^triage-/);
    const chat = ai.requests.find((r) => r.path === '/v1/chat/completions');
    expect(chat?.body).toMatchObject({ model: 'fake-chat', response_format: { type: 'json_schema' } });
    const draft = await waitFor('draft', async () => (await t.db.query('SELECT * FROM reply_drafts WHERE message_id = $1', [message.id]))[0]);
    expect(draft).toMatchObject({ fallback_error: null, provider: 'openai', needs_human: false, body: expect.stringContaining('150달러') });
  });

  it('a failing endpoint: the offline model answers and the result records why', async () => {
    ai.enqueue(fakeReply.error(500), fakeReply.error(500), fakeReply.error(500), fakeReply.error(500), fakeReply.error(500), fakeReply.error(500));
    const message = await send('배송 조회 어떻게 해요?');
    const triage = await waitFor('triage', () => triageOf(message.id));
    expect(triage).toMatchObject({ status: 'completed', provider: 'offline' });
    expect(triage.fallback_error).toMatch(/500/);
  });
});
