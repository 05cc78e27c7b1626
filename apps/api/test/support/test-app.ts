import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { LoginResponse } from '@parley/shared/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { createApp } from '../../src/bootstrap';
import { AppConfig } from '../../src/core/config/app-config';
import { validateEnv } from '../../src/core/config/env';
import { runMigrations } from '../../src/core/database/database-bootstrap';
import { createDatabase } from './postgres';

export const ADMIN = { email: 'owner@parley.test', password: 'correct horse battery staple' };

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  db: DataSource;
  databaseUrl: string;
  /** Base URL when started with `listen` (sockets need a real port). */
  url: string;
  /** Access token of the seeded admin. */
  adminToken: string;
  login: (email: string, password: string) => Promise<LoginResponse>;
  close: () => Promise<void>;
}

/** Boots the real AppModule on a fresh database with migrations applied. */
/**
 * For a beforeAll that boots with AI workers: from sources (no compiled worker thread) the offline model
 * trains inline at boot, which holds the event loop ~20 s under Jest, and longer on a busy machine.
 */
export const AI_BOOT_TIMEOUT_MS = 120_000;

export async function createTestApp(opts: { demo?: boolean; env?: Record<string, string>; listen?: boolean } = {}): Promise<TestApp> {
  const server = process.env['PARLEY_TEST_SERVER_URL'];
  if (!server) throw new Error('PARLEY_TEST_SERVER_URL is not set: run through the Jest config (globalSetup finds Postgres)');
  const database = await createDatabase(server);
  await runMigrations(database.url, () => undefined);
  const env = validateEnv({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    PARLEY_ADMIN_EMAIL: ADMIN.email,
    PARLEY_ADMIN_PASSWORD: ADMIN.password,
    PARLEY_DEMO: opts.demo ? '1' : '0',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    DATABASE_POOL_SIZE: '5',
    CONSOLE_DIR: '/nonexistent',
    // No AI jobs unless a test asks: the offline model trains on first use only.
    AI_WORKER_CONCURRENCY: '0',
    WEBHOOK_WORKER_CONCURRENCY: '0',
    ...opts.env,
  });
  const config = new AppConfig(env, database.url, 'test-secret-'.padEnd(48, 'x'), false);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  await createApp(app, config);
  if (opts.listen) await app.listen(0, '127.0.0.1');
  else await app.init();
  const address = opts.listen ? (app.getHttpServer().address() as { port: number }) : null;
  const http = () => request(app.getHttpServer());
  const login = async (email: string, password: string): Promise<LoginResponse> => {
    const res = await http().post('/api/v1/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const { accessToken } = await login(ADMIN.email, ADMIN.password);
  return {
    app,
    http,
    db: app.get(DataSource),
    databaseUrl: database.url,
    url: address ? `http://127.0.0.1:${address.port}` : '',
    adminToken: accessToken,
    login,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** Creates an agent through the API and returns its token. */
export async function createAgent(t: TestApp, role: 'admin' | 'agent' = 'agent', name = 'Mina'): Promise<{ id: string; token: string; email: string }> {
  const email = `${name.toLowerCase()}.${Math.random().toString(36).slice(2, 8)}@parley.test`;
  const password = 'agent-password-123';
  const res = await t.http().post('/api/v1/agents').set('authorization', `Bearer ${t.adminToken}`).send({ name, email, password, role });
  if (res.status !== 201) throw new Error(`create agent failed: ${res.status} ${JSON.stringify(res.body)}`);
  const { accessToken } = await t.login(email, password);
  return { id: res.body.id, token: accessToken, email };
}
