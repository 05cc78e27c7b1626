import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { setFlagsFromString } from 'node:v8';
import { createApp } from './bootstrap';
import { AppConfig } from './core/config/app-config';
import { EnvValidationError, validateEnv } from './core/config/env';
import { DatabaseUnreachableError, resolveDatabase, resolveJwtSecret, runMigrations } from './core/database/database-bootstrap';
import { AppModule } from './app.module';

/** Boot line printer before the structured logger exists; one line each, no stack traces for known failures. */
const say = (line: string) => process.stdout.write(JSON.stringify({ level: 30, time: Date.now(), context: 'Boot', msg: line }) + '\n');

// V8 grows the old generation by up to 4x the live heap after a full GC. A burst of widget sessions
// (2,000 visitors connecting) leaves mostly garbage, and the heap then stayed committed at 250+ MB for a
// live set under 100 MB. 1.5x keeps RSS near the live set for a few more (incremental) collections.
// Read at every GC, so setting it here covers every way the API is started.
setFlagsFromString('--heap-growing-percent=50');

async function main(): Promise<void> {
  const env = validateEnv(process.env);
  const command = process.argv[2];
  const database = await resolveDatabase(env, say);

  if (command === 'migrate') {
    const n = await runMigrations(database.url, say);
    say(n ? `${n} migration(s) applied` : 'database is up to date');
    await database.embedded?.stop();
    return;
  }
  if (command && command !== 'serve') throw new EnvValidationError(`Unknown command "${command}". Use: serve (default) | migrate`);

  if (env.DB_MIGRATE_ON_BOOT ?? env.NODE_ENV !== 'production') await runMigrations(database.url, say);

  const config = new AppConfig(env, database.url, resolveJwtSecret(env), database.embedded !== null);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  await createApp(app, config);
  await app.listen(env.PORT, env.HOST);
  // Graceful shutdown: stop accepting, finish in-flight requests, close the pool, then stop the embedded server.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    new Logger('Boot').log(`${signal} received, shutting down`);
    setTimeout(() => process.exit(1), 15_000).unref();
    await app.close();
    await database.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  const url = `http://localhost:${env.PORT}`;
  new Logger('Boot').log(`Parley is up: console ${url}/  API ${url}/api/v1  docs ${url}/api/docs  (${database.embedded ? `embedded PostgreSQL in ${database.embedded.dir}` : 'DATABASE_URL'})`);
}

main().catch((e: unknown) => {
  if (e instanceof EnvValidationError || e instanceof DatabaseUnreachableError) {
    process.stderr.write(`${e.message}\n`);
  } else {
    process.stderr.write(`Parley failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
  process.exit(1);
});
