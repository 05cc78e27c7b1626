/** Every error code a client can receive, over REST (`{ statusCode, code, message, details? }`) or a socket ack. */
export const ERROR_CODES = [
  'validation_failed',
  'payload_too_large',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_credentials',
  'agent_disabled',
  'invalid_transition',
  'rate_limited',
  'message_too_long',
  'message_empty',
  'invalid_payload',
  'service_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}
