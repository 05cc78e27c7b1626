import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError, ErrorCode } from '@parley/shared/contracts';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppException } from './app.exception';

const HTTP_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** Maps every error to `{ statusCode, code, message, details? }`. Driver and provider errors never reach clients raw. */
export function toApiError(error: unknown, logger?: Logger): ApiError {
  if (error instanceof AppException) {
    return { statusCode: error.statusCode, code: error.code, message: error.message, ...(error.details !== undefined && { details: error.details }) };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const body = error.getResponse();
    if (typeof body === 'object' && body && 'code' in body) return { statusCode, ...(body as Omit<ApiError, 'statusCode'>) };
    const message = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? error.message);
    // Nest turns body-parser's JSON SyntaxError into a plain BadRequestException; give it its own code.
    if (statusCode === 400 && /JSON/.test(message)) return { statusCode, code: 'invalid_payload', message: `Request body is not valid JSON (${message})` };
    // Bodies with more than a message (e.g. the health check's per-indicator report) travel as details.
    const rest = Object.entries(typeof body === 'object' && body ? body : {}).filter(
      ([k, v]) => !['message', 'statusCode'].includes(k) && !(k === 'error' && typeof v === 'string'), // Nest's own "Bad Request" text
    );
    const details = rest.length ? Object.fromEntries(rest) : undefined;
    return { statusCode, code: HTTP_CODES[statusCode] ?? 'internal_error', message, ...(details && { details }) };
  }
  const bodyParser = error as { type?: string; status?: number; limit?: number };
  if (bodyParser?.type === 'entity.too.large') {
    return { statusCode: 413, code: 'payload_too_large', message: `Request body exceeds the ${bodyParser.limit} byte limit` };
  }
  if (error instanceof QueryFailedError) {
    const code = (error as QueryFailedError & { code?: string }).code;
    if (code === '23505') return { statusCode: 409, code: 'conflict', message: 'A record with the same unique value already exists' };
    if (code === '22P02') return { statusCode: 400, code: 'validation_failed', message: 'A value has the wrong format' };
  }
  const connection = (error as { code?: string })?.code;
  // Refused/reset connections, admin shutdown, "starting up"/"shutting down" (57P0x) and connection exceptions
  // (08xxx, except 08P01: a protocol violation is our bug, not an outage).
  const unavailable = !!connection && (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(connection) || (connection.startsWith('08') && connection !== '08P01'));
  if (unavailable || /Connection terminated|timeout exceeded when trying to connect|not queryable/i.test(String((error as Error)?.message))) {
    logger?.warn(`database unavailable: ${(error as Error).message}`);
    return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, code: 'service_unavailable', message: 'The database is unavailable; try again shortly' };
  }
  logger?.error(error instanceof Error ? error.stack ?? error.message : String(error));
  return { statusCode: 500, code: 'internal_error', message: 'Something went wrong on our side' };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const res = host.switchToHttp().getResponse<Response>();
    const body = toApiError(error, this.logger);
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }
}
