import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fakeReply, startFakeOpenAiServer, type FakeOpenAiServer } from '@parley/ai';
import { Client } from 'pg';
import { io } from 'socket.io-client';
import { freePort, startApi, waitForHealth, type ApiProcess } from './api-process';

const SERVER = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ADMIN = { email: 'owner@parley.test', password: 'crash-test-password' };

const TRIAGE = {
  category: 'shipping',
  confidence: 0.93,
  sentiment: 'neutral',
  urgent: false,
  language: 'ko',
  entities: { orderNumbers: ['PH-10234'], trackingNumbers: [], company: null, quantities: [], amounts: [] },
};

/**
 * A worker process killed in the middle of an AI job loses nothing: the job stays in Postgres, expires,
 * and a new process runs it again; the result is stored exactly once. The remote model is a fake
 * OpenAI-compatible server on loopback whose first answer never comes.
 */
describe('AI job survives a killed worker (built API, real processes)', () => {
  let db: string;
  let url: string;
  let ai: FakeOpenAiServer;
  let api: ApiProcess | null = null;

  const env = (port: number) => ({
    PORT: String(port),
    DATABASE_URL: url,
    PARLEY_DEMO: '0',
    PARLEY_ADMIN_EMAIL: ADMIN.email,
    PARLEY_ADMIN_PASSWORD: ADMIN.password,
    NODE_ENV: 'development',
    PARLEY_DATA_DIR: join('/tmp', db),
    AI_BASE_URL: ai.baseURL,
    AI_API_KEY: 'test-key',
    AI_CHAT_MODEL: 'fake-gpt',
    AI_TIMEOUT_MS: '60000',
    AI_JOB_TIMEOUT_SECONDS: '5',
    AI_JOB_MAINTENANCE_SECONDS: '1',
  });

  beforeAll(async () => {
    db = `parley_aicrash_${randomUUID().slice(0, 8)}`;
    const admin = new Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const u = new URL(SERVER);
    u.pathname = `/${db}`;
    url = u.toString();
    ai = await startFakeOpenAiServer();
  });
  afterAll(async () => {
    api?.proc.kill('SIGKILL');
    await ai.close();
  });

  it('SIGKILL while the model is answering: after a restart the job reruns and stores one TriageResult and one ReplyDraft', async () => {
    // First process: the model takes "forever" on the classification.
    ai.enqueue(fakeReply.delay(120_000, fakeReply.json(TRIAGE)));
    const first = startApi(env(await freePort()));
    api = first;
    await waitForHealth(first);
    const login = await (await fetch(`${first.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })).json();
    const inbox = await (
      await fetch(`${first.url}/api/v1/inboxes`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}` }, body: JSON.stringify({ name: 'Web', channel: 'web_widget' }) })
    ).json();
    const session = await (await fetch(`${first.url}/api/v1/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inboxToken: inbox.publicToken }) })).json();
    const socket = io(`${first.url}/widget`, { transports: ['websocket'], auth: { visitorToken: session.visitorToken }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ack = await socket.timeout(5000).emitWithAck('message.send', { clientMessageId: randomUUID(), body: '주문번호 PH-10234 배송 언제 와요?' });
    socket.close();
    expect(ack.ok).toBe(true);
    const messageId: string = ack.message.id;
    const conversationId: string = ack.message.conversationId;

    // The job is running: the model got the request. Kill the process mid-job.
    const deadline = Date.now() + 30_000;
    while (!ai.requests.some((r) => r.path === '/v1/chat/completions')) {
      if (Date.now() > deadline) throw new Error(`the job never called the model:\n${first.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    first.proc.kill('SIGKILL');
    await first.exited;
    const killedAt = Date.now();

    // Second process: the model answers at once now.
    ai.enqueue(fakeReply.json(TRIAGE), fakeReply.stream(['일본 상품은 보통 ', '3~5영업일 걸립니다 [1].\n', 'NEEDS_HUMAN: no']));
    const second = startApi(env(await freePort()));
    api = second;
    await waitForHealth(second);

    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      // The job is marked completed after its handler has stored the draft, so wait for all three.
      const jobsQuery = `SELECT state, retry_count FROM pgboss.job WHERE name = 'ai-process' AND data->>'conversationId' = $1`;
      let rows: { status: string; provider: string; category: string; attempts: number }[] = [];
      let jobs: { state: string; retry_count: number }[] = [];
      while (Date.now() < killedAt + 60_000) {
        rows = (await client.query('SELECT status, provider, category, attempts FROM triage_results WHERE message_id = $1', [messageId])).rows;
        const drafts = (await client.query('SELECT count(*)::int AS n FROM reply_drafts WHERE message_id = $1', [messageId])).rows[0].n;
        jobs = (await client.query(jobsQuery, [conversationId])).rows;
        if (rows.length && drafts && jobs.every((job) => job.state === 'completed')) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      const rerunAfterMs = Date.now() - killedAt;
      expect(rows).toEqual([expect.objectContaining({ status: 'completed', provider: 'openai', category: 'shipping' })]);
      expect(rows[0].attempts).toBeGreaterThanOrEqual(2);
      const drafts = (await client.query('SELECT status FROM reply_drafts WHERE message_id = $1', [messageId])).rows;
      expect(drafts).toEqual([{ status: 'proposed' }]);
      // One job for the conversation (its message's turn came again after the kill), run twice.
      expect(jobs).toEqual([{ state: 'completed', retry_count: 1 }]);
      console.log(`[ai-worker-crash] job rerun and completed ${rerunAfterMs} ms after SIGKILL (job timeout 5 s, maintenance every 1 s); model requests=${ai.requests.length}`);
    } finally {
      await client.end();
    }
  }, 150_000);
});
