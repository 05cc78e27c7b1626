import type { Pool, PoolClient, QueryConfig } from 'pg';
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs `text` as a named prepared statement: Postgres parses and plans it once per connection instead
 * of on every call (on the statement run for every chat message, planning cost more than executing).
 * Inside a transaction it runs on the transaction's connection; otherwise straight on the pool, which
 * also skips TypeORM's per-query runner. `name` must be unique per `text`. Errors are TypeORM's
 * `QueryFailedError`, as from `manager.query`.
 */
export async function preparedQuery<T = Record<string, unknown>>(
  m: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const query: QueryConfig = { name, text, values };
  const fail = (e: Error): never => {
    throw new QueryFailedError(text, values, e);
  };
  if (!m.queryRunner) {
    const pool = (m.connection.driver as PostgresDriver).master as Pool;
    return (await pool.query(query).catch(fail)).rows as T[];
  }
  const client = (await m.queryRunner.connect()) as PoolClient;
  return (await client.query(query).catch(fail)).rows as T[];
}
