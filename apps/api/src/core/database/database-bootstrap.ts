import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { EmbeddedPostgres } from './embedded-postgres';
import type { Env } from '../config/env';

export class DatabaseUnreachableError extends Error {}

/** Where Parley's database is: the server named by DATABASE_URL, or the embedded one in the data folder. */
export async function resolveDatabase(env: Env, log: (line: string) => void): Promise<{ url: string; embedded: EmbeddedPostgres | null }> {
  if (env.DATABASE_URL) {
    await assertReachable(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: null };
  }
  mkdirSync(env.PARLEY_DATA_DIR, { recursive: true });
  const embedded = new EmbeddedPostgres(env.PARLEY_DATA_DIR, env.EMBEDDED_PG_PORT, log);
  const url = await embedded.start();
  await assertReachable(url);
  return { url, embedded };
}

async function assertReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    const { hostname, port } = new URL(url);
    const reason = (e as { code?: string; message?: string }).code ?? (e as Error).message;
    throw new DatabaseUnreachableError(`Cannot reach the database at ${hostname}:${port || 5432} (${reason}). Check DATABASE_URL.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const MIGRATION_LOCK = 72_610_001;

/** Applies pending migrations; an advisory lock keeps several API processes from migrating at once. */
export async function runMigrations(url: string, log: (line: string) => void): Promise<number> {
  const ds = new DataSource({ ...dataSourceOptions(url, 1), logging: false });
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await ds.runMigrations({ transaction: 'all' });
    for (const m of applied) log(`migration applied: ${m.name}`);
    return applied.length;
  } finally {
    await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await ds.destroy();
  }
}

/** JWT_SECRET, or outside production a random one kept in the data folder so sessions survive restarts. */
export function resolveJwtSecret(env: Env): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  if (env.NODE_ENV === 'test') return randomBytes(32).toString('base64url');
  const file = resolve(env.PARLEY_DATA_DIR, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(env.PARLEY_DATA_DIR, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
