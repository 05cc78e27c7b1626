import { createHmac, timingSafeEqual } from 'node:crypto';

const PURPOSE = 'parley:unsubscribe:v1:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const mac = (secret: string, contactId: string) => createHmac('sha256', secret).update(PURPOSE + contactId.toLowerCase()).digest('base64url');

/** `<contactId>.<HMAC>`: lets whoever holds the email unsubscribe that contact, nothing else. It does not expire. */
export function signUnsubscribeToken(secret: string, contactId: string): string {
  return `${contactId}.${mac(secret, contactId)}`;
}

/** The contact id, or null when the token was not made with `secret`. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const [contactId, signature, ...rest] = token.split('.');
  if (rest.length || !contactId || !signature || !UUID.test(contactId)) return null;
  const expected = Buffer.from(mac(secret, contactId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? contactId.toLowerCase() : null;
}
