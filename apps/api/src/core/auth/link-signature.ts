import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a link token sent by email (unsubscribe, quote answers): HMAC-SHA256 over a
 * purpose prefix and the payload, base64url. The purpose keeps a token of one kind from passing as
 * another signed with the same secret.
 */
export function linkSignature(secret: string, purpose: string, payload: string): string {
  return createHmac('sha256', secret).update(purpose + payload).digest('base64url');
}

/** Whether `signature` is the link signature of `payload`, compared in constant time. */
export function isLinkSignature(secret: string, purpose: string, payload: string, signature: string): boolean {
  const expected = Buffer.from(linkSignature(secret, purpose, payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
