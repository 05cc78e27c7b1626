import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { storage } from 'nestjs-pino/storage';
import request from 'supertest';
import type { AppConfig } from '../config/app-config';
import { useStructuredLogs } from './logger';

describe('useStructuredLogs', () => {
  it('logs each request with its id (no secrets) and Nest lines with their context, outside any AsyncLocalStorage', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = { write: (line: string) => void lines.push(JSON.parse(line)) };
    const server = express();
    let nestLogger: unknown;
    const app = { use: (...handlers: unknown[]) => server.use(...(handlers as [express.RequestHandler])), useLogger: (l: unknown) => (nestLogger = l) };
    useStructuredLogs(app as unknown as NestExpressApplication, { env: { LOG_LEVEL: 'info' } } as AppConfig, destination);
    const stores: unknown[] = [];
    server.get('/api/v1/ping', (_req, res) => {
      stores.push(storage.getStore());
      res.status(403).json({ code: 'forbidden' });
    });

    await request(server).get('/api/v1/ping').set('x-request-id', 'req-42').set('authorization', 'Bearer secret-token').expect(403);
    const line = lines.find((l) => (l['req'] as { id?: string } | undefined)?.id === 'req-42');
    expect(line).toMatchObject({ level: 40, req: { method: 'GET', url: '/api/v1/ping' }, res: { statusCode: 403 } });
    expect(JSON.stringify(lines)).not.toContain('secret-token');

    await request(server).get('/api/v1/ping').expect(403);
    expect((lines.at(-1)?.['req'] as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);

    (nestLogger as Logger).log('hello', 'Boot');
    expect(lines.at(-1)).toMatchObject({ level: 30, context: 'Boot', msg: 'hello' });
    // nestjs-pino's request-scoped AsyncLocalStorage was never entered (see useStructuredLogs).
    expect(stores).toEqual([undefined, undefined]);
  });
});
