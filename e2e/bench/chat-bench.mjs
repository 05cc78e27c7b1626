#!/usr/bin/env node
// npm run bench:chat — runs ../shared/chatbench's load generator against the bare baseline relay and
// against Parley, in the same run on the same Postgres, and prints both and their ratio.
// Scenarios: (a) 2,000 visitors connected, 500 msg/s in total, 5 agents; (b) a ramp to the maximum
// sustained rate (delivery p99 < 100 ms), in rounds that alternate which server goes first; the
// median round's ratio is the result. Last stdout line: JSON with every figure.
// Options: --ramp-rounds N (3), --quick (shorter load window, one ramp round), --skip-ramp,
// --database-url URL (default postgres://postgres@127.0.0.1:5432).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDatabase, freePort } from './bench-kit.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const SOURCE = resolve(ROOT, '../shared/chatbench');
// A private copy (tmp/ is git-ignored) so installing its dependencies never writes into ../shared.
const CHATBENCH = resolve(ROOT, 'tmp/chatbench');
const args = process.argv.slice(2);
const flag = (n) => args.includes(`--${n}`);
const value = (n, d) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : d);
const server = value('database-url', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432');
const quick = flag('quick');
const log = (...a) => console.error('[bench:chat]', ...a);

if (!existsSync(join(SOURCE, 'loadgen.mjs'))) throw new Error(`chatbench not found at ${SOURCE}`);
cpSync(SOURCE, CHATBENCH, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes('/results') });
if (!existsSync(join(CHATBENCH, 'node_modules/socket.io-client'))) {
  log('installing chatbench dependencies');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: CHATBENCH, stdio: 'inherit' });
}
if (!existsSync(join(ROOT, 'dist/apps/api/main.js'))) throw new Error('build the API first: npx nx build api');

function postmasterPid() {
  try {
    const out = execFileSync('sh', ['-c', "ps -o pid= -C postgres --sort=start_time | head -1"]).toString().trim();
    return out || null;
  } catch {
    return null;
  }
}

async function waitHttp(url, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

function start(cmd, argv, env) {
  const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

function loadgen(url, adapter, extra, serverPid) {
  const db = postmasterPid();
  const argv = [join(CHATBENCH, 'loadgen.mjs'), url, '--adapter', adapter, '--server-pid', String(serverPid), ...(db ? ['--db-pid', db] : []), ...extra];
  const out = execFileSync(process.execPath, argv, { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] }).toString().trim().split('\n');
  return JSON.parse(out[out.length - 1]);
}

const SCENARIOS = {
  load: ['--visitors', '2000', '--agents', '5', '--rate', '0.25', '--duration', quick ? '10' : '20', '--warmup', '3'],
  ramp: ['--visitors', '100', '--agents', '5', '--ramp', '--max-seconds', '600'],
};

/** One scenario against a fresh server process on a fresh database. */
async function measure(name, scenario, { url, adapter, database, boot }) {
  await benchDatabase(database, 'parley-chatbench').recreate();
  const child = await boot();
  try {
    await waitHttp(`${url}/api/health`).catch(() => waitHttp(url));
    log(`${name}: ${scenario}`);
    return loadgen(url, adapter, SCENARIOS[scenario], child.pid);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const rounds = flag('skip-ramp') ? 0 : Number(value('ramp-rounds', quick ? '1' : '3'));
if (!Number.isInteger(rounds) || rounds < 0) throw new Error(`--ramp-rounds must be a whole number, got ${value('ramp-rounds')}`);

const [baselinePort, parleyPort] = [await freePort(), await freePort()];
const dataDir = mkdtempSync(join(tmpdir(), 'parley-chatbench-'));
const admin = { email: 'bench@parley.test', password: 'bench-password-123' };
process.env.PARLEY_BENCH_EMAIL = admin.email;
process.env.PARLEY_BENCH_PASSWORD = admin.password;

const targets = {
  baseline: {
    url: `http://127.0.0.1:${baselinePort}`,
    adapter: join(CHATBENCH, 'adapters/baseline.mjs'),
    database: `${server}/chatbench_baseline`,
    boot: async () => start(process.execPath, [join(CHATBENCH, 'baseline-server.mjs')], { PORT: String(baselinePort), DATABASE_URL: `${server}/chatbench_baseline`, TRUNCATE_ON_START: '1' }),
  },
  parley: {
    url: `http://127.0.0.1:${parleyPort}`,
    adapter: join(HERE, 'chatbench-adapter.mjs'),
    database: `${server}/chatbench_parley`,
    boot: async () =>
      start(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], {
        PORT: String(parleyPort),
        DATABASE_URL: `${server}/chatbench_parley`,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        PARLEY_DEMO: '0',
        PARLEY_DATA_DIR: dataDir,
        PARLEY_ADMIN_EMAIL: admin.email,
        PARLEY_ADMIN_PASSWORD: admin.password,
        // The load comes from one IP with thousands of visitors: switch the abuse limits off.
        RATE_LIMIT_VISITOR_MESSAGES_PER_10S: '0',
        RATE_LIMIT_IP_MESSAGES_PER_10S: '0',
        RATE_LIMIT_IP_CONVERSATIONS_PER_HOUR: '0',
        RATE_LIMIT_IP_SESSIONS_PER_MINUTE: '0',
        // This process only relays and enqueues AI jobs (the scale-out setup: AI workers in their own
        // processes); triaging 1,000+ messages a second would measure the AI, not the chat path.
        AI_WORKER_CONCURRENCY: process.env.BENCH_AI_WORKERS ?? '0',
      }),
  },
};

// The fixed load once each. Then the ramps in rounds, alternating which server goes first: on a shared
// 2-core machine one ramp's knee moves by a third between back-to-back runs, so a single pair can
// mislead. Each round's ratio compares two ramps run back to back; the median round is reported.
const baseline = { load: await measure('baseline', 'load', targets.baseline), ramps: [] };
const parley = { load: await measure('parley', 'load', targets.parley), ramps: [] };
for (let round = 0; round < rounds; round++) {
  const order = round % 2 ? ['parley', 'baseline'] : ['baseline', 'parley'];
  for (const name of order) {
    const result = await measure(`${name} (round ${round + 1}/${rounds})`, 'ramp', targets[name]);
    (name === 'baseline' ? baseline : parley).ramps.push(result);
  }
}
const knee = (r) => r.ramp.maxSustainedMsgsPerSec;
const atKnee = (r) => r.ramp.best?.cpu ?? {};
const roundRatios = baseline.ramps.map((b, i) => knee(parley.ramps[i]) / knee(b));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const medianRound = rounds ? roundRatios.indexOf(median(roundRatios)) : -1;

const pick = (r, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), r);
const rows = [
  ['load: delivery p50 ms', 'load.window.deliveryLatencyMs.p50'],
  ['load: delivery p99 ms', 'load.window.deliveryLatencyMs.p99'],
  ['load: ack p99 ms', 'load.window.ackLatencyMs.p99'],
  ['load: achieved msg/s', 'load.window.achievedMsgsPerSec'],
  ['load: lost', 'load.window.lost'],
  ['load: server RSS idle, connected MB', 'load.server.rssMbIdleConnected'],
  ['load: server RSS peak MB', 'load.window.serverRssMbPeak'],
  ['load: server CPU cores', 'load.window.cpu.serverCpuCores'],
  ['load: loadgen CPU cores', 'load.window.cpu.loadgenCpuCores'],
  ['load: postgres CPU cores', 'load.window.cpu.dbCpuCores'],
  ['ramp: max sustained msg/s', 'ramp.ramp.maxSustainedMsgsPerSec'],
  ['ramp: server CPU cores at max', 'ramp.ramp.best.cpu.serverCpuCores'],
  ['ramp: postgres CPU cores at max', 'ramp.ramp.best.cpu.dbCpuCores'],
  ['ramp: loadgen CPU cores at max', 'ramp.ramp.best.cpu.loadgenCpuCores'],
];
if (rounds) {
  console.log('\nramp rounds (max sustained msg/s; delivery p99 < 100 ms):');
  roundRatios.forEach((ratio, i) => {
    const first = i % 2 ? 'parley first' : 'baseline first';
    const cores = (r) => `server ${atKnee(r).serverCpuCores} / postgres ${atKnee(r).dbCpuCores} / loadgen ${atKnee(r).loadgenCpuCores} cores`;
    console.log(`  round ${i + 1} (${first}): baseline ${knee(baseline.ramps[i])} (${cores(baseline.ramps[i])}), parley ${knee(parley.ramps[i])} (${cores(parley.ramps[i])}), ratio ${ratio.toFixed(2)}${i === medianRound ? '  <- median' : ''}`);
  });
}
console.log(`\nmetric${rounds > 1 ? ' (ramp: the median round)' : ''}`.padEnd(34) + 'baseline'.padStart(12) + 'parley'.padStart(12) + 'ratio'.padStart(10));
// The table shows the load window and the median round's ramps.
const shown = (t) => ({ load: t.load, ramp: t.ramps[medianRound] });
for (const [label, path] of rows) {
  const b = pick(shown(baseline), path);
  const p = pick(shown(parley), path);
  const ratio = typeof b === 'number' && typeof p === 'number' && b !== 0 ? (p / b).toFixed(2) : '';
  console.log(label.padEnd(33) + String(b ?? '-').padStart(12) + String(p ?? '-').padStart(12) + ratio.padStart(10));
}
console.log(JSON.stringify({ bench: 'chat', baseline, parley, roundRatios, medianRound, throughputRatio: rounds ? roundRatios[medianRound] : null }));
