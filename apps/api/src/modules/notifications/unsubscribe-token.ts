import { UUID_PATTERN } from '@parley/shared/domain';
import { isLinkSignature, linkSignature } from '../../core/auth/link-signature';

const PURPOSE = 'parley:unsubscribe:v1:';

/** `<contactId>.<HMAC>`: lets whoever holds the email unsubscribe that contact, nothing else. It does not expire. */
export function signUnsubscribeToken(secret: string, contactId: string): string {
  return `${contactId}.${linkSignature(secret, PURPOSE, contactId.toLowerCase())}`;
}

/** The contact id, or null when the token was not made with `secret`. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const [contactId, signature, ...rest] = token.split('.');
  if (rest.length || !contactId || !signature || !UUID_PATTERN.test(contactId)) return null;
  return isLinkSignature(secret, PURPOSE, contactId.toLowerCase(), signature) ? contactId.toLowerCase() : null;
}
