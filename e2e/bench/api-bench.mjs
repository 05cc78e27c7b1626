#!/usr/bin/env node
/**
 * bench:api: conversation list and conversation open latency at help-desk scale.
 *
 * Seeds a throwaway database with SQL (default 100,000 conversations x 10 messages), boots the
 * built API (dist/apps/api/main.js) against it as a child process, and times real HTTP requests:
 * the conversation list (first page and a deep keyset cursor, for each console filter), the list
 * with 8 requests in flight, and opening a conversation (GET conversation + last 50 messages).
 * Prints a table, then one JSON line with the figures as the last line on stdout.
 *
 *   npx nx build api && node e2e/bench/api-bench.mjs [options]
 *
 * The bench owns its database: unless --skip-seed it drops and recreates it, and at exit it drops it
 * unless --keep or --skip-seed. For safety the database name must contain "bench".
 * Progress goes to stderr; the API's own log goes to a temp file whose path is printed on failure.
 */
import { existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchDatabase, cleanupOnExit, round, startBenchApi, summarize } from './bench-kit.mjs';
import { seedDatabase } from './seed.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET_P95_MS = 100;
const ADMIN = { email: 'admin@bench.parley.test', password: 'bench-admin-password-2026' };
const AGENT_PASSWORD = 'bench-agent-password-2026';

const HELP = `Usage: node e2e/bench/api-bench.mjs [options]
  --database-url URL              bench database (env BENCH_DATABASE_URL; default postgres://postgres@127.0.0.1:5432/parley_bench)
  --conversations N               default 100000
  --messages-per-conversation N   default 10
  --contacts N                    default 20000
  --iterations N                  timed requests per case (default 200)
  --warmup N                      untimed requests per case first (default 10)
  --concurrency N                 in-flight requests for the concurrent case (default 8)
  --deep-rows N                   rows to page past for the deep cursor (default 10000, i.e. page 400 at 25/page)
  --case-budget-seconds S         stop a slow case early after S seconds, keeping at least 20 samples (default 90)
  --api-main PATH                 built API entry (default dist/apps/api/main.js)
  --only REGEX                    run only the cases whose key matches, e.g. 'q_|concurrent'
  --keep                          keep the database after the run
  --skip-seed                     reuse an already seeded database (implies --keep)
  --help`;

const { values: opt } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    conversations: { type: 'string', default: '100000' },
    'messages-per-conversation': { type: 'string', default: '10' },
    contacts: { type: 'string', default: '20000' },
    iterations: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '8' },
    'deep-rows': { type: 'string', default: '10000' },
    'case-budget-seconds': { type: 'string', default: '90' },
    'api-main': { type: 'string', default: 'dist/apps/api/main.js' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'skip-seed': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (opt.help) {
  console.log(HELP);
  process.exit(0);
}

const int = (name, min) => {
  const v = Number(opt[name]);
  if (!Number.isInteger(v) || v < min) fail(`--${name} must be an integer >= ${min}`);
  return v;
};
function fail(message) {
  process.stderr.write(`api-bench: ${message}\n`);
  process.exit(2);
}

const cfg = {
  databaseUrl: opt['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/parley_bench',
  conversations: int('conversations', 1),
  messagesPerConversation: int('messages-per-conversation', 1),
  contacts: int('contacts', 1),
  iterations: int('iterations', 1),
  warmup: int('warmup', 0),
  concurrency: int('concurrency', 1),
  deepRows: int('deep-rows', 100),
  caseBudgetMs: int('case-budget-seconds', 1) * 1000,
  apiMain: resolve(ROOT, opt['api-main']),
  only: opt.only ? new RegExp(opt.only) : null,
  skipSeed: opt['skip-seed'],
  keep: opt.keep || opt['skip-seed'],
};

const log = (line) => process.stderr.write(`[bench] ${line}\n`);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Database lifecycle

let benchDb;
try {
  benchDb = benchDatabase(cfg.databaseUrl, 'parley-bench');
} catch (e) {
  fail(e.message);
}
const dbName = benchDb.name;
const withClient = benchDb.withClient;

// ---------------------------------------------------------------------------------------------
// The API child process

let api = null;

async function startApi() {
  if (!existsSync(cfg.apiMain)) fail(`${cfg.apiMain} not found; build it first: npx nx build api`);
  api = await startBenchApi({ apiMain: cfg.apiMain, cwd: ROOT, databaseUrl: cfg.databaseUrl, admin: ADMIN, label: 'parley-bench' });
  log(`API up on ${api.base} (pid ${api.pid}, log ${api.logFile})`);
  return api;
}

// ---------------------------------------------------------------------------------------------
// HTTP

async function login(base, email, password) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

function client(base, token) {
  return async function get(path) {
    const res = await fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path} -> ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };
}

// ---------------------------------------------------------------------------------------------
// Measurement



async function timed(fn) {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

/** Sequential samples of `fn(i)`; stops early past the time budget once 20 samples are in. */
async function sample(fn) {
  for (let i = 0; i < cfg.warmup; i++) await fn(i);
  const out = [];
  const start = performance.now();
  let last;
  for (let i = 0; i < cfg.iterations; i++) {
    const [ms, r] = await timed(() => fn(cfg.warmup + i));
    out.push(ms);
    last = r;
    if (out.length >= 20 && performance.now() - start > cfg.caseBudgetMs) break;
  }
  return { samples: out, last };
}

async function sampleConcurrent(fn) {
  for (let i = 0; i < cfg.warmup; i++) await fn();
  const out = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: cfg.concurrency }, async () => {
      while (next < cfg.iterations) {
        next++;
        const [ms] = await timed(fn);
        out.push(ms);
      }
    }),
  );
  return { samples: out, rps: round(out.length / ((performance.now() - start) / 1000)) };
}

/** The cursor `deepRows` rows down (walking 100-row pages), or halfway down when the filter has fewer rows. */
async function deepCursor(get, filter) {
  const pages = Math.ceil(cfg.deepRows / 100);
  const cursors = [];
  let cursor = null;
  for (let i = 0; i < pages; i++) {
    const page = await get(`/conversations?${qs({ ...filter, limit: 100, cursor })}`);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
    cursors.push(cursor);
  }
  if (cursors.length === 0) return null;
  const at = cursors.length === pages ? cursors.length - 1 : Math.floor((cursors.length - 1) / 2);
  return { cursor: cursors[at], depth: (at + 1) * 100 };
}

const qs = (o) =>
  Object.entries(o)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

async function pickFixtures() {
  return withClient(cfg.databaseUrl, async (c) => {
    const inbox = (await c.query(`SELECT id FROM inboxes WHERE name = 'B2B quotes'`)).rows[0]?.id;
    // An order number that occurs in exactly one conversation: the "customer pastes their order number" search.
    const order = (
      await c.query(
        `SELECT o FROM (SELECT substring(body FROM 'HB-[0-9]{8}-[0-9]{4}') AS o, conversation_id FROM messages WHERE seq = 1) s
          WHERE o IS NOT NULL GROUP BY o HAVING count(DISTINCT conversation_id) = 1 ORDER BY o LIMIT 1 OFFSET 7`,
      )
    ).rows[0]?.o;
    const ids = (await c.query('SELECT id FROM conversations ORDER BY random() LIMIT $1', [cfg.iterations + cfg.warmup])).rows.map(
      (r) => r.id,
    );
    const counts = {};
    for (const t of ['contacts', 'contact_inboxes', 'conversations', 'messages', 'conversation_labels', 'agents', 'inboxes', 'labels']) {
      counts[t] = Number((await c.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
    }
    const agent1 =
      (await c.query(`SELECT 1 FROM agents WHERE email = 'agent1@bench.parley.test' AND password_hash LIKE '$argon2id$v=19$m=%'`))
        .rowCount > 0;
    return { inbox, order, ids, counts, agent1 };
  });
}

// ---------------------------------------------------------------------------------------------
// Main

const results = []; // { key, label, n, p50, p95, max, rows, note }

function record(key, label, stats, extra = {}) {
  const row = { key, label, ...stats, ...extra };
  results.push(row);
  log(
    `${label.padEnd(48)} n=${String(stats.n).padStart(3)} p50=${stats.p50} ms p95=${stats.p95} ms max=${stats.max} ms${extra.note ? `  (${extra.note})` : ''}`,
  );
}

const want = (key) => !cfg.only || cfg.only.test(key);

async function listCases(get, fixtures) {
  const filters = [
    ['', 'no filter', {}],
    ['_status_open', 'status=open', { status: 'open' }],
    ['_inbox', 'inboxId=<B2B quotes>', { inboxId: fixtures.inbox }],
    ['_assignee_me', 'assignee=me', { assignee: 'me' }],
    ['_unassigned', 'assignee=unassigned', { assignee: 'unassigned' }],
    ['_label', 'label=refund', { label: 'refund' }],
    ['_priority_urgent', 'priority=urgent', { priority: 'urgent' }],
    ['_q_order', `q=${fixtures.order}`, { q: fixtures.order }],
    ['_q_name', 'q=sulliv (contact name fragment)', { q: 'sulliv' }],
    ['_status_open_assignee_me', 'status=open&assignee=me', { status: 'open', assignee: 'me' }],
  ];
  for (const [suffix, name, filter] of filters) {
    const firstKey = `list${suffix}_first_page`;
    const deepKey = `list${suffix}_deep_cursor`;
    if (want(firstKey)) {
      const first = await sample(() => get(`/conversations?${qs({ ...filter, limit: 25 })}`));
      record(firstKey, `list ${name}: first page`, summarize(first.samples), { rows: first.last.items.length });
    }
    if (!want(deepKey)) continue;
    const deep = await deepCursor(get, filter);
    if (!deep) {
      results.push({ key: deepKey, label: `list ${name}: deep cursor`, n: 0, note: 'fewer than 2 pages of results', skipped: true });
      log(`list ${name}: deep cursor skipped (fewer than 2 pages)`);
      continue;
    }
    const d = await sample(() => get(`/conversations?${qs({ ...filter, limit: 25, cursor: deep.cursor })}`));
    record(deepKey, `list ${name}: deep cursor`, summarize(d.samples), { rows: d.last.items.length, note: `after ${deep.depth} rows` });
  }
}

/** Opening a conversation in the console: the conversation, then its last 50 messages; a different one each time. */
async function openConversationCases(admin, fixtures) {
  const get = [];
  const msgs = [];
  const total = [];
  let lastMessages = 0;
  await sample(async (i) => {
    const id = fixtures.ids[i % fixtures.ids.length];
    const [a] = await timed(() => admin(`/conversations/${id}`));
    const [b, m] = await timed(() => admin(`/conversations/${id}/messages?limit=50`));
    if (i >= cfg.warmup) {
      get.push(a);
      msgs.push(b);
      total.push(a + b);
    }
    lastMessages = m.length;
  });
  record('open_conversation_get', 'open conversation: GET /conversations/:id', summarize(get), {
    rows: 1,
    note: 'a different conversation each time',
  });
  record('open_conversation_messages', 'open conversation: GET messages?limit=50', summarize(msgs), { rows: lastMessages });
  record('open_conversation_total', 'open conversation: both, back to back', summarize(total));
}

/** A non-admin agent: the service adds "inbox_id IN (<their inboxes>)" to every list query. */
async function agentCases(base) {
  const agent = client(base, await login(base, 'agent1@bench.parley.test', AGENT_PASSWORD));
  for (const [key, name, filter] of [
    ['agent_list_first_page', 'agent (2 inboxes) list no filter: first page', {}],
    ['agent_list_status_open_assignee_me_first_page', 'agent (2 inboxes) list status=open&assignee=me', { status: 'open', assignee: 'me' }],
  ]) {
    if (!want(key)) continue;
    const r = await sample(() => agent(`/conversations?${qs({ ...filter, limit: 25 })}`));
    record(key, name, summarize(r.samples), { rows: r.last.items.length });
  }
  if (!want('agent_list_deep_cursor')) return;
  const deep = await deepCursor(agent, {});
  if (deep) {
    const r = await sample(() => agent(`/conversations?${qs({ limit: 25, cursor: deep.cursor })}`));
    record('agent_list_deep_cursor', 'agent (2 inboxes) list no filter: deep cursor', summarize(r.samples), {
      rows: r.last.items.length,
      note: `after ${deep.depth} rows`,
    });
  }
}

function printTable(meta) {
  const lines = [];
  lines.push('');
  lines.push(
    `Parley API bench: ${meta.counts.conversations.toLocaleString('en')} conversations, ${meta.counts.messages.toLocaleString('en')} messages, ${meta.counts.contacts.toLocaleString('en')} contacts`,
  );
  lines.push(
    `rows: ${Object.entries(meta.counts)
      .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
      .join(', ')}`,
  );
  lines.push(
    meta.seed
      ? `seed ${secs(meta.seed.ms)} (${Object.entries(meta.seed.timings)
          .map(([k, v]) => `${k} ${secs(v)}`)
          .join(', ')})`
      : 'seed skipped (--skip-seed)',
  );
  lines.push(
    `${cfg.iterations} timed requests per case after ${cfg.warmup} warm-up, sequential unless noted; target p95 < ${TARGET_P95_MS} ms`,
  );
  // Latency on a shared 2-core box is only as good as its quiet: show how busy it was.
  lines.push(`load average (1 min) at start ${meta.load.start}, at end ${meta.load.end}`);
  lines.push('');
  const head = ['case', 'n', 'p50 ms', 'p95 ms', 'max ms', 'rows', ''];
  const body = results.map((r) =>
    r.skipped
      ? [r.label, '-', '-', '-', '-', '-', r.note]
      : [
          r.label,
          String(r.n),
          r.p50.toFixed(1),
          r.p95.toFixed(1),
          r.max.toFixed(1),
          r.rows === undefined ? '' : String(r.rows),
          [r.p95 >= TARGET_P95_MS ? 'OVER TARGET' : '', r.note ?? ''].filter(Boolean).join('; '),
        ],
  );
  const width = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const fmt = (cols) =>
    cols
      .map((c, i) => (i === 0 || i === cols.length - 1 ? c.padEnd(width[i]) : c.padStart(width[i])))
      .join('  ')
      .trimEnd();
  lines.push(fmt(head));
  lines.push(width.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) lines.push(fmt(b));
  lines.push('');
  process.stdout.write(lines.join('\n') + '\n');
}

const cleanup = cleanupOnExit(
  async () => {
    await api?.stop().catch((e) => log(`stopping the API: ${e.message}`));
    await benchDb.release({ keep: cfg.keep, reused: cfg.skipSeed, log });
  },
  () => api?.kill(),
  log,
);

async function main() {
  let seedResult = null;
  if (cfg.skipSeed) {
    log(`reusing ${dbName}`);
  } else {
    log(`creating database ${dbName}`);
    await benchDb.recreate();
  }
  const { base, dataDir } = await startApi();
  try {
    const adminToken = await login(base, ADMIN.email, ADMIN.password);
    if (!cfg.skipSeed) {
      log(`seeding ${cfg.conversations} conversations x ${cfg.messagesPerConversation} messages over ${cfg.contacts} contacts`);
      seedResult = await seedDatabase({
        root: ROOT,
        databaseUrl: cfg.databaseUrl,
        conversations: cfg.conversations,
        contacts: cfg.contacts,
        messagesPerConversation: cfg.messagesPerConversation,
        adminEmail: ADMIN.email,
        agentPassword: AGENT_PASSWORD,
        log,
      });
      log(`seeded in ${secs(seedResult.ms)}`);
    }
    const fixtures = await pickFixtures();
    if (!fixtures.order) throw new Error('no HB- order number found in the seeded messages');
    const admin = client(base, adminToken);

    const loadAtStart = round(loadavg()[0]);
    // Global warm-up: plans cached per connection, buffers warm.
    for (let i = 0; i < 3 * cfg.warmup; i++) await admin('/conversations?limit=25');

    await listCases(admin, fixtures);

    const concKey = `list_first_page_concurrent${cfg.concurrency}`;
    if (want(concKey)) {
      const conc = await sampleConcurrent(() => admin('/conversations?limit=25'));
      record(concKey, `list no filter: first page, ${cfg.concurrency} in flight`, summarize(conc.samples), { note: `${conc.rps} req/s` });
    }
    if (['open_conversation_get', 'open_conversation_messages', 'open_conversation_total'].some(want))
      await openConversationCases(admin, fixtures);
    if (['agent_list_first_page', 'agent_list_status_open_assignee_me_first_page', 'agent_list_deep_cursor'].some(want)) {
      if (fixtures.agent1) await agentCases(base);
      else log('agent-role cases skipped: agent1 has no real password hash');
    }

    const load = { start: loadAtStart, end: round(loadavg()[0]) };
    printTable({ counts: fixtures.counts, seed: seedResult, load });
    const measured = results.filter((r) => !r.skipped);
    const json = {
      bench: 'api',
      conversations: fixtures.counts.conversations,
      messages: fixtures.counts.messages,
      contacts: fixtures.counts.contacts,
      rowCounts: fixtures.counts,
      iterations: cfg.iterations,
      seedSeconds: seedResult ? round(seedResult.ms / 1000) : null,
      loadAverage: load,
      cases: Object.fromEntries(measured.map((r) => [r.key, { p50: r.p50, p95: r.p95, max: r.max, n: r.n }])),
      targetP95Ms: TARGET_P95_MS,
      allUnderTarget: measured.every((r) => r.p95 < TARGET_P95_MS),
      overTarget: measured.filter((r) => r.p95 >= TARGET_P95_MS).map((r) => r.key),
    };
    process.stdout.write(JSON.stringify(json) + '\n');
  } finally {
    await cleanup();
  }
  rmSync(dataDir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  async (e) => {
    process.stderr.write(`api-bench failed: ${e.stack ?? e.message}\n`);
    if (api) process.stderr.write(`API log: ${api.logFile}\n`);
    await cleanup();
    process.exit(1);
  },
);
