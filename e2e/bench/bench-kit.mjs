// What the benches share: their throwaway database, the built API as a child process, cleanup on exit, and percentiles.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The bench's database: its name must contain "bench" (it is dropped and recreated), a client helper, create/drop. */
export function benchDatabase(databaseUrl, applicationName) {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!/bench/i.test(name)) throw new Error(`refusing to use database "${name}": the bench drops and recreates it, so its name must contain "bench"`);
  const server = new URL(databaseUrl);
  server.pathname = '/postgres';
  const quoted = `"${name.replace(/"/g, '""')}"`;

  async function withClient(url, fn) {
    const client = new pg.Client({ connectionString: url, application_name: applicationName });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  const db = {
    name,
    created: false,
    withClient,
    async recreate() {
      await withClient(server.toString(), async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
        await c.query(`CREATE DATABASE ${quoted}`);
      });
      db.created = true;
    },
    drop: () => withClient(server.toString(), (c) => c.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`)),
    /** At the end of a run: drop what this run created unless asked to keep it. */
    async release({ keep, reused, log }) {
      if (db.created && !keep) {
        await db.drop().then(
          () => log(`dropped database ${name}`),
          (e) => log(`dropping ${name}: ${e.message}`),
        );
      } else if (db.created || reused) {
        log(`kept database ${name} (reuse with --skip-seed --database-url ${databaseUrl})`);
      }
    },
  };
  return db;
}

// ---------------------------------------------------------------------------------------------
// The built API as a child process on a free port, its log in a temp folder.


export function freePort() {
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

/**
 * Starts `apiMain` on the bench database with an admin and `env` on top, waits until /api/health answers
 * (or fails with the log's tail). `stop()` sends SIGTERM, then SIGKILL after 10 s; `kill()` is for exit.
 */
export async function startBenchApi({ apiMain, cwd, databaseUrl, admin, env = {}, label = 'parley-bench' }) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `${label}-`));
  const logFile = join(dataDir, 'api.log');
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, [apiMain], {
    cwd,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      PARLEY_ADMIN_EMAIL: admin.email,
      PARLEY_ADMIN_PASSWORD: admin.password,
      PARLEY_DEMO: '0',
      LOG_LEVEL: 'warn',
      PARLEY_DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      // The run can outlast the default 15-minute access token.
      JWT_ACCESS_TTL_SECONDS: '86400',
      ...env,
    },
  });
  const tail = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-30).join('\n') : '');
  const running = () => child.exitCode === null && child.signalCode === null;
  const api = {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid,
    logFile,
    dataDir,
    async stop() {
      if (!running()) return;
      const done = new Promise((res) => child.once('exit', res));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
    kill() {
      if (running()) child.kill('SIGKILL');
    },
  };
  const exited = new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 250))]);
    if (early) throw new Error(`the API exited during boot (code ${early.code}, signal ${early.signal}); log ${logFile}:\n${tail()}`);
    try {
      if ((await fetch(`${api.base}/api/health`)).ok) return api;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`the API did not become healthy within 120 s; log ${logFile}:\n${tail()}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Figures

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
/**
 * Runs `release` once (whichever comes first: the bench's own call, SIGINT or SIGTERM) and, as a last
 * resort when the process exits without it, kills the API child (`killApi`). Returns the cleanup to await.
 */
export function cleanupOnExit(release, killApi, log) {
  let cleaning = null;
  const cleanup = () => (cleaning ??= release());
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      log(`${sig}: cleaning up`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  process.once('exit', killApi);
  return cleanup;
}

export const round = (x) => Math.round(x * 10) / 10;

/** n, p50, p95 and max of the numeric samples (nulls when there are none). */
export function summarize(samples) {
  const s = samples.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return { n: 0, p50: null, p95: null, max: null };
  return { n: s.length, p50: round(pct(s, 50)), p95: round(pct(s, 95)), max: round(s[s.length - 1]) };
}
