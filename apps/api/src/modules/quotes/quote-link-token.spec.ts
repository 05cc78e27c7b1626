import { quoteLinkExpiresAt, signQuoteLinkToken, verifyQuoteLinkToken } from './quote-link-token';

describe('quote link token', () => {
  const secret = 'a-secret-of-at-least-32-characters!!';
  const id = '4f0e6b1c-2a3d-4e5f-8a9b-0c1d2e3f4a5b';
  const now = Date.parse('2026-03-01T12:00:00Z');
  const claims = { quoteRequestId: id, offerVersion: 2, expiresAt: now / 1000 + 3600 };

  it('verifies its own token and returns the quote request and offer it was made for', () => {
    expect(verifyQuoteLinkToken(secret, signQuoteLinkToken(secret, claims), now)).toEqual({ ok: true, claims });
  });

  it('refuses another secret and any changed part (id, offer, expiry, signature)', () => {
    const token = signQuoteLinkToken(secret, claims);
    const [, , , sig] = token.split('.');
    expect(verifyQuoteLinkToken('another-secret-of-32-characters-long', token, now)).toEqual({ ok: false, reason: 'invalid' });
    for (const forged of [
      token.replace(id, '5f0e6b1c-2a3d-4e5f-8a9b-0c1d2e3f4a5b'),
      `${id}.3.${claims.expiresAt}.${sig}`,
      `${id}.2.${claims.expiresAt + 86_400}.${sig}`,
      `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`,
    ]) {
      expect(verifyQuoteLinkToken(secret, forged, now)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuses malformed input without throwing', () => {
    for (const bad of [undefined, 42, '', 'x', `${id}.2.1`, `${id}.0.1.sig`, `${id}.2.1.sig.extra`, 'a'.repeat(500), `${id.toUpperCase()}.2.1.sig`]) {
      expect(verifyQuoteLinkToken(secret, bad, now)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('says expired (not invalid) for a genuine token past its time', () => {
    const token = signQuoteLinkToken(secret, { ...claims, expiresAt: now / 1000 - 1 });
    expect(verifyQuoteLinkToken(secret, token, now)).toEqual({ ok: false, reason: 'expired' });
  });

  it('keeps the link working past the last valid day so the customer can see how it ended', () => {
    const expires = quoteLinkExpiresAt('2026-03-31') * 1000;
    expect(expires).toBeGreaterThan(Date.parse('2026-04-01T00:00:00Z'));
    expect(expires).toBeLessThan(Date.parse('2026-12-31T00:00:00Z'));
  });
});
