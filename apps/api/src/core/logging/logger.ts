import type { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/app-config';

/** Structured JSON logs (pino). Secrets never reach them: auth headers and cookies are redacted. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.env.LOG_LEVEL,
      genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 100) ?? randomUUID(),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/metrics' },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
    },
  };
}
