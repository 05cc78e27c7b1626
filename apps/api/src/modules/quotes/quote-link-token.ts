import { isLinkSignature, linkSignature } from '../../core/auth/link-signature';

const PURPOSE = 'parley:quote-link:v1:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The customer can still open the page (and see how it ended) this long after the offer's last valid day. */
const LINK_GRACE_DAYS = 90;

export interface QuoteLinkClaims {
  quoteRequestId: string;
  /** The offer the link was sent with: a link to an older offer cannot answer a newer one. */
  offerVersion: number;
  /** Unix seconds. */
  expiresAt: number;
}

export type QuoteLinkVerification = { ok: true; claims: QuoteLinkClaims } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * `<quoteRequestId>.<offerVersion>.<expiresAt>.<HMAC>`: whoever holds the quote email can view that
 * offer and answer it until it expires, nothing else. The purpose prefix keeps it from being mistaken
 * for any other token signed with the same secret.
 */
export function signQuoteLinkToken(secret: string, claims: QuoteLinkClaims): string {
  const payload = `${claims.quoteRequestId.toLowerCase()}.${claims.offerVersion}.${claims.expiresAt}`;
  return `${payload}.${linkSignature(secret, PURPOSE, payload)}`;
}

export function verifyQuoteLinkToken(secret: string, token: unknown, now = Date.now()): QuoteLinkVerification {
  if (typeof token !== 'string' || token.length > 200) return { ok: false, reason: 'invalid' };
  const parts = token.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'invalid' };
  const [id, version, expires, signature] = parts;
  if (!UUID.test(id) || !/^[1-9]\d{0,8}$/.test(version) || !/^\d{1,12}$/.test(expires)) return { ok: false, reason: 'invalid' };
  if (!isLinkSignature(secret, PURPOSE, `${id}.${version}.${expires}`, signature)) return { ok: false, reason: 'invalid' };
  const claims = { quoteRequestId: id, offerVersion: Number(version), expiresAt: Number(expires) };
  return claims.expiresAt * 1000 <= now ? { ok: false, reason: 'expired' } : { ok: true, claims };
}

/** When the link of an offer valid through `validUntil` (YYYY-MM-DD) stops working, in Unix seconds. */
export function quoteLinkExpiresAt(validUntil: string): number {
  return Math.floor(Date.parse(`${validUntil}T00:00:00Z`) / 1000) + (1 + LINK_GRACE_DAYS) * 86_400;
}
