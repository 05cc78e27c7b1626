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
import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

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

const dbUrl = new URL(cfg.databaseUrl);
const dbName = decodeURIComponent(dbUrl.pathname.replace(/^\//, ''));
if (!/bench/i.test(dbName))
  fail(`refusing to use database "${dbName}": the bench drops and recreates it, so its name must contain "bench"`);
const serverUrl = (() => {
  const u = new URL(cfg.databaseUrl);
  u.pathname = '/postgres';
  return u.toString();
})();
const quoteIdent = (s) => `"${s.replace(/"/g, '""')}"`;

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, application_name: 'parley-bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

let databaseCreated = false;
async function recreateDatabase() {
  await withClient(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${quoteIdent(dbName)}`);
  });
  databaseCreated = true;
}

async function dropDatabase() {
  await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`));
}

// ---------------------------------------------------------------------------------------------
// The API child process

let child = null;
let childLog = null;

async function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

function tailOfChildLog() {
  if (!childLog || !existsSync(childLog)) return '';
  const lines = readFileSync(childLog, 'utf8').trimEnd().split('\n');
  return lines.slice(-30).join('\n');
}

async function startApi() {
  if (!existsSync(cfg.apiMain)) fail(`${cfg.apiMain} not found; build it first: npx nx build api`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  childLog = join(dataDir, 'api.log');
  const out = openSync(childLog, 'a');
  child = spawn(process.execPath, [cfg.apiMain], {
    cwd: ROOT,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: cfg.databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
      PARLEY_DEMO: '0',
      LOG_LEVEL: 'warn',
      PARLEY_DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      // The run can outlast the default 15-minute access token.
      JWT_ACCESS_TTL_SECONDS: '86400',
    },
  });
  const exited = new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 250))]);
    if (early)
      throw new Error(`the API exited during boot (code ${early.code}, signal ${early.signal}); log ${childLog}:\n${tailOfChildLog()}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`the API did not become healthy within 120 s; log ${childLog}:\n${tailOfChildLog()}`);
  }
  log(`API up on ${base} (pid ${child.pid}, log ${childLog})`);
  return { base, dataDir };
}

async function stopApi() {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise((res) => child.once('exit', res));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await done;
  clearTimeout(timer);
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
// Seed

const KO_LAST = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오'];
const KO_LAST_ROM = ['kim', 'lee', 'park', 'choi', 'jung', 'kang', 'cho', 'yoon', 'jang', 'lim', 'han', 'oh'];
const KO_FIRST = [
  '민준',
  '서연',
  '지훈',
  '수아',
  '예준',
  '하은',
  '도윤',
  '지우',
  '준호',
  '서윤',
  '현우',
  '지민',
  '승민',
  '유진',
  '태윤',
  '다은',
  '민석',
  '하늘',
  '은서',
  '재원',
];
const KO_FIRST_ROM = [
  'minjun',
  'seoyeon',
  'jihoon',
  'sua',
  'yejun',
  'haeun',
  'doyun',
  'jiwoo',
  'junho',
  'seoyun',
  'hyunwoo',
  'jimin',
  'seungmin',
  'yujin',
  'taeyun',
  'daeun',
  'minseok',
  'haneul',
  'eunseo',
  'jaewon',
];
const EN_FIRST = [
  'Daniel',
  'Emily',
  'Sarah',
  'Michael',
  'Olivia',
  'James',
  'Grace',
  'David',
  'Chloe',
  'Ryan',
  'Hannah',
  'Kevin',
  'Sophie',
  'Jason',
  'Laura',
  'Brian',
  'Megan',
  'Eric',
  'Julia',
  'Nathan',
];
const EN_LAST = [
  'Park',
  'Choi',
  'Lim',
  'Smith',
  'Johnson',
  'Brown',
  'Garcia',
  'Miller',
  'Sullivan',
  'Nguyen',
  'Walker',
  'Bennett',
  'Foster',
  'Hughes',
  'Reyes',
  'Collins',
  'Turner',
  'Howard',
  'Patel',
  'Morgan',
];
const DOMAINS = ['gmail.com', 'naver.com', 'kakao.com', 'example.kr', 'example.com', 'daum.net'];
const COMPANIES = [
  '한빛랩(주)',
  'BrightNest Home',
  '서울상사',
  'Pacific Trading Co.',
  '누리마켓',
  'Greenleaf Outfitters',
  '(주)하늘소싱',
  'Northwind Imports',
  '동해물산',
  'Maple & Oak',
];
const LABELS = [
  ['vip', '#7c3aed'],
  ['customs', '#d97706'],
  ['refund', '#dc2626'],
  ['bulk', '#2563eb'],
  ['damaged', '#b91c1c'],
  ['address-change', '#0891b2'],
  ['payment', '#16a34a'],
  ['delay', '#ca8a04'],
  ['return', '#db2777'],
  ['quote', '#4f46e5'],
];
// First messages; {order} is an HB- order number, {name}/{first} the contact.
const OPENING_WITH_ORDER = [
  '안녕하세요 주문번호 {order} 인데요 통관에서 며칠째 안 움직여요ㅠㅠ 확인 부탁드려요',
  'Hi, my order {order} still shows "in warehouse" after 6 days. Can you check?',
  '{order} 주문 취소하고 환불받고 싶습니다. 아직 출고 전이죠?',
  'I was charged twice for {order}, please refund one of the payments.',
  '교환 신청하려는데 사이즈가 안 맞아요. 주문번호는 {order}입니다.',
  'Parcel for {order} arrived damaged, the box was crushed. What should I do?',
  '{order} 배송지 변경 가능할까요? 회사 주소로 받고 싶어요.',
  'Tracking for {order} has not updated since it left Portland.',
];
const OPENING = [
  '아마존 링크 3개 구매대행 부탁드려요~ 사이즈는 전부 M으로요. 수수료 몇 % 인가요?',
  'Hi! I forgot the suite number on a US store order. Will it still reach me?',
  '개인통관고유부호를 잘못 입력한 것 같아요. 수정 어떻게 하나요?',
  'What payment methods do you take? My card is from Canada.',
  '관부가세는 얼마나 나올까요? 신발 두 켤레 합쳐서 230달러예요.',
  'Do you offer volume pricing for B2B orders over 500 units?',
  '세금계산서 발행 가능한가요? 사업자 구매입니다.',
  'How long does shipping from the US warehouse to Busan usually take?',
];
const AGENT_REPLIES = [
  '{name}님, 안녕하세요. 확인 후 바로 안내드리겠습니다.',
  'Hi {first}, thanks for reaching out! Let me look into this for you.',
  '확인해보니 현재 통관 진행 중이며 내일 중 국내 택배사로 인계될 예정입니다.',
  'I have issued the refund; it should appear on your statement within 3-5 business days.',
  '불편을 드려 죄송합니다. 교환 접수 완료했고 회수 기사님이 방문 예정입니다.',
  'Could you send us a photo of the damaged item and the outer box?',
  '창고 입고 확인되었습니다. 실측 무게 기준으로 2차 결제 안내 드릴게요.',
  'Your parcel left our Portland warehouse today; the tracking number is in My Page.',
  '추가로 궁금하신 점 있으시면 언제든 문의해 주세요 🙂',
  'Is there anything else I can help you with, {first}?',
];
const CONTACT_FOLLOW_UPS = [
  '네 감사합니다!',
  'Thanks, that works.',
  '언제쯤 처리될까요?',
  'Still waiting on this, any update?',
  '사진 첨부했습니다. 확인 부탁드려요.',
  'OK, I will wait for the courier.',
  '혹시 오늘 안에 출고 가능할까요?',
  'Perfect, thank you so much!',
];
const NOTES = [
  'VIP 고객, 우선 처리 요망',
  'Checked with warehouse: parcel misrouted, reship approved.',
  '환불 승인 요청 올림 - 팀장 확인 필요',
  'Customs asked for an invoice; waiting on the seller.',
];
const ACTIVITIES = [
  'Admin: status open → pending',
  'Admin: priority medium → high',
  'Admin: labels — → refund',
  'Admin: status pending → open',
];

async function hashAgentPassword() {
  try {
    const argon2 = createRequire(join(ROOT, 'package.json'))('argon2');
    return { hash: await argon2.hash(AGENT_PASSWORD, { type: argon2.argon2id }), canLogin: true };
  } catch (e) {
    log(`argon2 unavailable (${e.message}); bench agents get a placeholder hash and the agent-role cases are skipped`);
    return { hash: '$argon2id$v=19$bench-placeholder', canLogin: false };
  }
}

/** Secondary indexes of `tables` (not constraint-backed), dropped before the bulk insert and rebuilt after. */
async function secondaryIndexes(c, tables) {
  const { rows } = await c.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace ns ON ns.oid = t.relnamespace
      WHERE ns.nspname = current_schema() AND t.relname = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [tables],
  );
  return rows;
}

async function seed() {
  const { hash, canLogin } = await hashAgentPassword();
  const timings = {};
  const t0 = performance.now();
  const step = async (name, fn) => {
    const s = performance.now();
    const r = await fn();
    timings[name] = Math.round(performance.now() - s);
    log(`seed: ${name} ${secs(timings[name])}`);
    return r;
  };
  const NV = cfg.conversations;
  const NC = cfg.contacts;
  const M = cfg.messagesPerConversation;

  await withClient(cfg.databaseUrl, async (c) => {
    if (Number((await c.query('SELECT count(*) AS n FROM conversations')).rows[0].n) > 0)
      throw new Error(`${dbName} already has conversations; use --skip-seed to reuse it`);
    await c.query(`SET maintenance_work_mem = '512MB'`);
    await c.query(`SET work_mem = '64MB'`);
    await c.query(`SET synchronous_commit = off`);
    await c.query('BEGIN');
    // Reproducible data: random() below follows this seed (all inserts run serially in one session).
    await c.query('SELECT setseed(0.2026)');

    const { admin, agents, inboxes, labelIds } = await step('agents, inboxes, labels', async () => {
      const admin = (await c.query('SELECT id FROM agents WHERE email = $1', [ADMIN.email])).rows[0]?.id;
      if (!admin) throw new Error(`the API did not create the admin ${ADMIN.email}`);
      const names = ['정하은', 'Jason Lee', '박도윤', 'Megan Cho', '윤재원'];
      const emails = names.map((_, i) => `agent${i + 1}@bench.parley.test`);
      const agents = (
        await c.query(
          `INSERT INTO agents (name, email, password_hash, role, availability)
           SELECT n, e, $3, 'agent', 'online' FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(n, e, o) ORDER BY o RETURNING id`,
          [names, emails, hash],
        )
      ).rows.map((r) => r.id);
      const inboxes = (
        await c.query(
          `INSERT INTO inboxes (name, channel, public_token, identity_secret)
           VALUES ('Website chat', 'web_widget', md5(random()::text), md5(random()::text) || md5(random()::text)),
                  ('B2B quotes', 'email', md5(random()::text), md5(random()::text) || md5(random()::text))
           RETURNING id`,
        )
      ).rows.map((r) => r.id);
      // agent1 works both inboxes; agents 2-3 the website chat, 4-5 B2B quotes. The admin sees everything anyway.
      await c.query(
        `INSERT INTO inbox_members (inbox_id, agent_id) VALUES ($1, $3), ($2, $3), ($1, $4), ($1, $5), ($2, $6), ($2, $7), ($1, $8), ($2, $8)`,
        [inboxes[0], inboxes[1], ...agents, admin],
      );
      const labelIds = (
        await c.query(`INSERT INTO labels (name, color) SELECT * FROM unnest($1::text[], $2::text[]) RETURNING id`, [
          LABELS.map((l) => l[0]),
          LABELS.map((l) => l[1]),
        ])
      ).rows.map((r) => r.id);
      return { admin, agents, inboxes, labelIds };
    });

    const indexes = await step('drop secondary indexes', async () => {
      const list = await secondaryIndexes(c, ['contacts', 'contact_inboxes', 'conversations', 'messages', 'conversation_labels']);
      for (const ix of list) await c.query(`DROP INDEX ${ix.name}`);
      return list;
    });

    await step(`contacts (${NC})`, async () => {
      await c.query(
        `CREATE TEMP TABLE b_contacts ON COMMIT DROP AS
         SELECT n, id, ci_id, inbox_id, lang, first,
                CASE WHEN lang = 'ko' THEN last || first ELSE first || ' ' || last END AS name,
                email, phone, company, created_at
           FROM (SELECT g AS n, gen_random_uuid() AS id, gen_random_uuid() AS ci_id,
                        CASE WHEN r_inbox < 0.7 THEN $1::uuid ELSE $2::uuid END AS inbox_id,
                        CASE WHEN r_lang < 0.6 THEN 'ko' ELSE 'en' END AS lang,
                        CASE WHEN r_lang < 0.6 THEN ($3::text[])[1 + f % cardinality($3::text[])] ELSE ($7::text[])[1 + f % cardinality($7::text[])] END AS first,
                        CASE WHEN r_lang < 0.6 THEN ($4::text[])[1 + l % cardinality($4::text[])] ELSE ($8::text[])[1 + l % cardinality($8::text[])] END AS last,
                        CASE WHEN r_lang < 0.6
                             THEN ($5::text[])[1 + f % cardinality($5::text[])] || '.' || ($6::text[])[1 + l % cardinality($6::text[])]
                             ELSE lower(($7::text[])[1 + f % cardinality($7::text[])] || '.' || ($8::text[])[1 + l % cardinality($8::text[])])
                        END || g || '@' || ($9::text[])[1 + floor(random() * cardinality($9::text[]))::int] AS email,
                        CASE WHEN random() < 0.5 THEN '010-' || lpad(floor(random() * 10000)::int::text, 4, '0') || '-' || lpad(floor(random() * 10000)::int::text, 4, '0') END AS phone,
                        CASE WHEN random() < (CASE WHEN r_inbox < 0.7 THEN 0.1 ELSE 0.8 END) THEN ($10::text[])[1 + floor(random() * cardinality($10::text[]))::int] END AS company,
                        date_trunc('milliseconds', now() - random() * interval '400 days') AS created_at
                   FROM (SELECT g, random() AS r_lang, random() AS r_inbox, floor(random() * 1000)::int AS f, floor(random() * 1000)::int AS l
                           FROM generate_series(1, ${NC}) AS g) s) s2`,
        [inboxes[0], inboxes[1], KO_FIRST, KO_LAST, KO_FIRST_ROM, KO_LAST_ROM, EN_FIRST, EN_LAST, DOMAINS, COMPANIES],
      );
      await c.query(
        `INSERT INTO contacts (id, name, email, phone, company, locale, created_at, updated_at)
         SELECT id, name, email, phone, company, CASE WHEN lang = 'ko' THEN 'ko-KR' ELSE 'en-US' END, created_at, created_at FROM b_contacts ORDER BY n`,
      );
      await c.query(
        `INSERT INTO contact_inboxes (id, contact_id, inbox_id, source_id, created_at) SELECT ci_id, id, inbox_id, 'bench:' || n, created_at FROM b_contacts ORDER BY n`,
      );
    });

    await step(`conversations (${NV})`, async () => {
      // One row per conversation with everything its messages need; bodies of the first and last message are fixed here
      // so the preview can be written with the conversation (no second pass over 100k rows).
      await c.query(
        `CREATE TEMP TABLE b_conv ON COMMIT DROP AS
         SELECT v.*,
                CASE WHEN ${M} = 1 THEN first_body ELSE last_body END AS preview
           FROM (SELECT u.*,
                        replace(replace(CASE WHEN order_no IS NOT NULL THEN ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int]
                                             ELSE ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] END,
                                        '{order}', coalesce(order_no, '')), '{name}', contact_name) AS first_body,
                        replace(replace(CASE WHEN last_incoming THEN ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int]
                                             ELSE ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int] END,
                                        '{name}', contact_name), '{first}', contact_first) AS last_body
                   FROM (SELECT t.n, t.id, t.last_at, t.created_at, t.last_incoming,
                                ct.id AS contact_id, ct.ci_id AS contact_inbox_id, ct.inbox_id, ct.name AS contact_name, ct.first AS contact_first,
                                (CASE WHEN t.rs < 0.50 THEN 'open' WHEN t.rs < 0.70 THEN 'pending' WHEN t.rs < 0.75 THEN 'snoozed' ELSE 'resolved' END)::conversation_status AS status,
                                (CASE WHEN t.rp < 0.25 THEN 'low' WHEN t.rp < 0.70 THEN 'medium' WHEN t.rp < 0.92 THEN 'high' ELSE 'urgent' END)::conversation_priority AS priority,
                                -- 60% assigned, evenly over the five agents and the admin (so assignee=me has rows).
                                CASE WHEN t.ra < 0.6 THEN ($1::uuid[])[1 + floor(t.ra * 10)::int] END AS assignee_id,
                                CASE WHEN t.ro < 0.35 THEN 'HB-' || to_char(t.created_at, 'YYYYMMDD') || '-' || lpad(floor(random() * 10000)::int::text, 4, '0') END AS order_no,
                                t.rl
                           FROM (SELECT g AS n, gen_random_uuid() AS id, 1 + floor(random() * ${NC})::int AS cn,
                                        random() AS rs, random() AS rp, random() AS ra, random() AS ro, random() AS rl,
                                        random() < 0.5 AS last_incoming, last_at,
                                        date_trunc('milliseconds', last_at - random() * interval '72 hours') AS created_at
                                   FROM (SELECT g, date_trunc('milliseconds', now() - random() * interval '90 days') AS last_at FROM generate_series(1, ${NV}) AS g) a) t
                           JOIN b_contacts ct ON ct.n = t.cn) u) v`,
        [[...agents, admin], OPENING_WITH_ORDER, OPENING, CONTACT_FOLLOW_UPS, AGENT_REPLIES],
      );
      // Display ids from the column's own sequence, oldest conversation first, as the app would have numbered them.
      const seqName = (await c.query(`SELECT pg_get_serial_sequence('conversations', 'display_id') AS s`)).rows[0].s;
      const base = Number((await c.query('SELECT nextval($1::regclass) AS v', [seqName])).rows[0].v);
      await c.query(
        `INSERT INTO conversations (id, display_id, status, priority, inbox_id, contact_id, contact_inbox_id, assignee_id, last_seq, last_message_preview,
                                    last_activity_at, first_response_due_at, first_responded_at, agent_unread_count, contact_unread_count, created_at, updated_at)
         SELECT id, $1::int + row_number() OVER (ORDER BY created_at, n) - 1, status, priority, inbox_id, contact_id, contact_inbox_id, assignee_id, ${M}, left(preview, 200),
                last_at, created_at + interval '1 hour',
                CASE WHEN ${M} > 1 THEN date_trunc('milliseconds', created_at + (last_at - created_at) / ${Math.max(M - 1, 1)}) END,
                CASE WHEN ${M} = 1 OR last_incoming THEN 1 + floor(random() * 3)::int ELSE 0 END, 0, created_at, last_at
           FROM b_conv ORDER BY created_at, n`,
        [base],
      );
      await c.query('SELECT setval($1::regclass, $2, true)', [seqName, base + NV - 1]);
      // ~30% of conversations carry a label, a third of those a second one.
      await c.query(
        `INSERT INTO conversation_labels (conversation_id, label_id)
         SELECT id, ($1::uuid[])[1 + floor(random() * cardinality($1::uuid[]))::int] FROM b_conv WHERE rl < 0.30
         UNION ALL
         SELECT id, ($1::uuid[])[1 + floor(random() * cardinality($1::uuid[]))::int] FROM b_conv WHERE rl < 0.10
         ON CONFLICT DO NOTHING`,
        [labelIds],
      );
    });

    await step(`messages (${NV * M})`, async () => {
      await c.query(
        `INSERT INTO messages (conversation_id, seq, message_type, sender_type, sender_id, contact_inbox_id, body, private, created_at)
         SELECT id, k,
                (CASE kind WHEN 'in' THEN 'incoming' WHEN 'activity' THEN 'activity' ELSE 'outgoing' END)::message_type,
                (CASE kind WHEN 'in' THEN 'contact' WHEN 'activity' THEN 'system' ELSE 'agent' END)::sender_type,
                CASE kind WHEN 'in' THEN contact_id WHEN 'activity' THEN coalesce(assignee_id, $5::uuid) ELSE coalesce(assignee_id, $6::uuid) END,
                CASE WHEN kind = 'in' THEN contact_inbox_id END,
                CASE WHEN k = 1 THEN first_body
                     WHEN k = ${M} THEN last_body
                     WHEN kind = 'activity' THEN ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int]
                     WHEN kind = 'note' THEN ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int]
                     WHEN kind = 'out' THEN replace(replace(($2::text[])[1 + floor(random() * cardinality($2::text[]))::int], '{name}', contact_name), '{first}', contact_first)
                     ELSE ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int]
                END,
                kind = 'note',
                CASE WHEN k = ${M} THEN last_at ELSE date_trunc('milliseconds', created_at + (last_at - created_at) * ((k - 1)::float8 / ${Math.max(M - 1, 1)})) END
           FROM (SELECT v.*,
                        CASE WHEN k = 1 THEN 'in'
                             WHEN k = ${M} THEN CASE WHEN last_incoming THEN 'in' ELSE 'out' END
                             WHEN r < 0.05 THEN 'activity'
                             WHEN r < 0.13 THEN 'note'
                             WHEN k % 2 = 0 THEN 'out'
                             ELSE 'in' END AS kind
                   FROM (SELECT b.*, k, random() AS r FROM b_conv b CROSS JOIN generate_series(1, ${M}) AS k) v) x`,
        [CONTACT_FOLLOW_UPS, AGENT_REPLIES, NOTES, ACTIVITIES, admin, agents[0]],
      );
    });

    await step(`rebuild ${indexes.length} indexes`, async () => {
      for (const ix of indexes) await c.query(ix.def);
    });
    await step('commit', () => c.query('COMMIT'));
    await step('vacuum analyze', async () => {
      for (const t of [
        'contacts',
        'contact_inboxes',
        'conversations',
        'messages',
        'conversation_labels',
        'labels',
        'agents',
        'inboxes',
        'inbox_members',
      ])
        await c.query(`VACUUM (ANALYZE) ${t}`);
    });
  });
  return { ms: Math.round(performance.now() - t0), timings, agentsCanLogin: canLogin };
}

// ---------------------------------------------------------------------------------------------
// Measurement

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const round = (x) => Math.round(x * 10) / 10;

function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: round(pct(s, 50)), p95: round(pct(s, 95)), max: round(s[s.length - 1]) };
}

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

let cleaning = null;
async function cleanup() {
  cleaning ??= (async () => {
    await stopApi().catch((e) => log(`stopping the API: ${e.message}`));
    if (databaseCreated && !cfg.keep) {
      await dropDatabase().then(
        () => log(`dropped database ${dbName}`),
        (e) => log(`dropping ${dbName}: ${e.message}`),
      );
    } else if (databaseCreated || cfg.skipSeed) {
      log(`kept database ${dbName} (reuse with --skip-seed --database-url ${cfg.databaseUrl})`);
    }
  })();
  return cleaning;
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    log(`${sig}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}
// Last resort if something exits the process without cleanup: never leave the API running.
process.once('exit', () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

async function main() {
  let seedResult = null;
  if (cfg.skipSeed) {
    log(`reusing ${dbName}`);
  } else {
    log(`creating database ${dbName}`);
    await recreateDatabase();
  }
  const { base, dataDir } = await startApi();
  try {
    const adminToken = await login(base, ADMIN.email, ADMIN.password);
    if (!cfg.skipSeed) {
      log(`seeding ${cfg.conversations} conversations x ${cfg.messagesPerConversation} messages over ${cfg.contacts} contacts`);
      seedResult = await seed();
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
    if (childLog) process.stderr.write(`API log: ${childLog}\n`);
    await cleanup();
    process.exit(1);
  },
);
