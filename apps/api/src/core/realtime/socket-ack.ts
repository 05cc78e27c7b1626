import { Logger } from '@nestjs/common';
import type { Ack } from '@parley/shared/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { AppException } from '../errors/app.exception';
import { toApiError } from '../errors/all-exceptions.filter';
import { schemaErrors, type SocketPayloadSchema } from './socket-payload';

const logger = new Logger('Socket');

/**
 * Runs a socket handler and turns its outcome into an ack: `{ ok: true, ...result }` or
 * `{ ok: false, error }`. A client's bad input never throws out of a handler.
 */
export async function ack<T extends object>(fn: () => Promise<T>): Promise<Ack<T>> {
  try {
    return { ok: true, ...(await fn()) };
  } catch (e) {
    const err = toApiError(e, logger);
    return { ok: false, error: { code: err.code, message: err.message, ...(e instanceof AppException && typeof (e.details as { retryAfterMs?: number })?.retryAfterMs === 'number' && { retryAfterMs: (e.details as { retryAfterMs: number }).retryAfterMs }) } };
  }
}

/**
 * Validates a socket payload against its compiled schema (the chat path) or a class-validator DTO
 * class (payloads whose rules are shared with a REST form); unknown fields and wrong types are
 * `invalid_payload`.
 */
export function parsePayload<T extends object>(spec: SocketPayloadSchema<T> | (new () => T), data: unknown): T {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new AppException('invalid_payload', 'Payload must be an object');
  if ('validate' in spec) {
    if (spec.validate(data)) return data;
    throw invalidPayload(schemaErrors(spec.validate.errors));
  }
  const dto = plainToInstance(spec, data);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw invalidPayload(flatten(errors));
  return dto;
}

function invalidPayload(details: { field: string; errors: string[] }[]): AppException {
  return new AppException('invalid_payload', details.map((d) => d.errors.join(', ')).join('; '), details);
}

/** Nested payloads (e.g. `flow` on message.send) report their own fields: `flow.stepId`. */
function flatten(errors: ValidationError[], parent = ''): { field: string; errors: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    return [...(e.constraints ? [{ field, errors: Object.values(e.constraints) }] : []), ...flatten(e.children ?? [], field)];
  });
}
