import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres } from '../../src/core/database/embedded-postgres';

/**
 * The server tests run against: TEST_DATABASE_URL when set, else the Postgres on 127.0.0.1:5432
 * when it answers, else an embedded one started for the run (never on 5432).
 */
export async function findTestServer(): Promise<{ url: string; stop?: () => Promise<void> }> {
  if (process.env['TEST_DATABASE_URL']) return { url: process.env['TEST_DATABASE_URL'] };
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await answers(local)) return { url: local };
  const dir = mkdtempSync(join(tmpdir(), 'parley-test-pg-'));
  const embedded = new EmbeddedPostgres(dir, 5499, (l) => process.stderr.write(`[test-pg] ${l}\n`));
  const url = await embedded.start();
  process.stderr.write(`No Postgres on 127.0.0.1:5432 and no TEST_DATABASE_URL: using an embedded one in ${dir}\n`);
  return { url, stop: () => embedded.stop() };
}

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

/** A new, uniquely named database on the test server; dropped by the returned function. */
export async function createDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `parley_t_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
