import { BadRequestException, ForbiddenException, PayloadTooLargeException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { toApiError } from './all-exceptions.filter';
import { AppException } from './app.exception';

describe('toApiError', () => {
  it('keeps an AppException code, message and details, with the status the code implies', () => {
    expect(toApiError(new AppException('invalid_transition', 'no', { a: 1 }))).toEqual({ statusCode: 409, code: 'invalid_transition', message: 'no', details: { a: 1 } });
    expect(toApiError(new AppException('rate_limited', 'slow down')).statusCode).toBe(429);
  });

  it('maps Nest HTTP exceptions to codes', () => {
    expect(toApiError(new ForbiddenException('x'))).toMatchObject({ statusCode: 403, code: 'forbidden' });
    expect(toApiError(new PayloadTooLargeException())).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
    expect(toApiError(new BadRequestException('Unexpected token } in JSON at position 3'))).toMatchObject({ statusCode: 400, code: 'invalid_payload' });
  });

  it('turns driver errors into safe messages without leaking SQL', () => {
    const unique = Object.assign(new QueryFailedError('INSERT INTO secret_table', [], new Error('duplicate key')), { code: '23505' });
    const mapped = toApiError(unique);
    expect(mapped).toEqual({ statusCode: 409, code: 'conflict', message: 'A record with the same unique value already exists' });
    expect(JSON.stringify(toApiError(new Error('relation "secret_table" does not exist')))).not.toMatch(/secret_table/);
  });

  it('does not call a malformed query (protocol violation 08P01) an outage', () => {
    expect(toApiError(Object.assign(new Error('bind message supplies 1 parameters, but prepared statement "" requires 0'), { code: '08P01' }))).toMatchObject({ statusCode: 500, code: 'internal_error' });
  });

  it('reports a lost database as 503 service_unavailable', () => {
    expect(toApiError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toMatchObject({ statusCode: 503, code: 'service_unavailable' });
    expect(toApiError(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toMatchObject({ statusCode: 503, code: 'service_unavailable' });
    expect(toApiError(Object.assign(new Error('connection failure'), { code: '08006' }))).toMatchObject({ statusCode: 503, code: 'service_unavailable' });
  });
});
