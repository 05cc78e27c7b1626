import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signing and verifying webhook deliveries. Self-contained (node:crypto only) so docs/webhooks.md can
 * show receivers the same code the sender and the tests use.
 */

/** Deliveries older (or further in the future) than this are rejected as replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** `v1=` + hex HMAC-SHA256(secret, `${timestamp}.${body}`). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface VerifyWebhookInput {
  secret: string;
  /** The `x-parley-timestamp` header (unix seconds). */
  timestamp: string | number | undefined;
  /** The raw request body, exactly as received (not re-serialised JSON). */
  body: string | Buffer;
  /** The `x-parley-signature` header. */
  signature: string | undefined;
  toleranceSeconds?: number;
  /** Milliseconds since the epoch; defaults to now. */
  now?: number;
}

export type VerifyWebhookResult = { ok: true } | { ok: false; reason: 'malformed' | 'expired' | 'mismatch' };

export function verifyWebhookSignature({ secret, timestamp, body, signature, toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS, now = Date.now() }: VerifyWebhookInput): VerifyWebhookResult {
  const ts = Number(timestamp);
  if (!signature || !Number.isSafeInteger(ts) || !/^\d+$/.test(String(timestamp))) return { ok: false, reason: 'malformed' };
  if (Math.abs(now / 1000 - ts) > toleranceSeconds) return { ok: false, reason: 'expired' };
  const expected = Buffer.from(signWebhook(secret, ts, body.toString()));
  // Several comma-separated signatures may come (e.g. during a secret rollover); one match is enough.
  const match = signature.split(',').some((candidate) => {
    const given = Buffer.from(candidate.trim());
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return match ? { ok: true } : { ok: false, reason: 'mismatch' };
}
