import type { ErrorCode } from '@parley/shared/contracts';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_payload: 400,
  message_too_long: 400,
  message_empty: 400,
  invalid_transition: 409,
  payload_too_large: 413,
  unauthorized: 401,
  invalid_credentials: 401,
  agent_disabled: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  service_unavailable: 503,
  internal_error: 500,
};

/** Base of every module's exception: a code from contracts, a message safe to show, optional details. */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get statusCode(): number {
    return STATUS[this.code];
  }
}

export class NotFoundException extends AppException {
  constructor(entity: string, id: string) {
    super('not_found', `${entity} ${id} was not found`);
  }
}
