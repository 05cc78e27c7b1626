import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The one data source definition, used by the app (DatabaseModule) and by the TypeORM CLI (default export). */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    // random_page_cost 1.1: data on SSD or in memory; at the default 4 the planner prefers full scans
    // over the keyset and trigram indexes (measured by bench:api).
    extra: { max: poolSize, connectionTimeoutMillis: 5_000, application_name: 'parley', options: '-c random_page_cost=1.1' },
  };
}

/** For `typeorm migration:*` (npm run db:migrate / db:migration:generate). */
export default new DataSource(dataSourceOptions(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/parley'));
