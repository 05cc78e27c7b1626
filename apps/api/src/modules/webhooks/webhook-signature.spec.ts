import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { generateWebhookSecret, signWebhook, verifyWebhookSignature } from './webhook-signature';

const SECRET = 'whsec_test-secret';
const BODY = JSON.stringify({ id: 'd1', event: 'ping', createdAt: '2026-01-01T00:00:00.000Z', data: { message: '안녕하세요 👋' } });
const NOW = 1_795_290_000_000;
const TS = NOW / 1000;

type DocsVerify = (input: { secret: string; timestamp: unknown; body: string; signature: string | undefined; now?: number }) => boolean;

/** The snippet receivers copy from docs/webhooks.md, run as written. */
function docsSnippet(): DocsVerify {
  const doc = readFileSync(join(__dirname, '../../../../../docs/webhooks.md'), 'utf8');
  const code = /<!-- snippet:verify -->\s*```js\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!code) throw new Error('docs/webhooks.md lost its verification snippet');
  return runInNewContext(`${code}\nverifyParleyWebhook`, { require, Buffer });
}

describe('webhook signatures', () => {
  it('signs `${timestamp}.${body}` with HMAC-SHA256 as v1=<hex>', () => {
    const expected = createHmac('sha256', SECRET).update(`${TS}.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, TS, BODY)).toBe(`v1=${expected}`);
  });

  it('verifies a fresh signature over the raw body (string or Buffer)', () => {
    const signature = signWebhook(SECRET, TS, BODY);
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: String(TS), body: BODY, signature, now: NOW })).toEqual({ ok: true });
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: TS, body: Buffer.from(BODY), signature, now: NOW + 299_000 })).toEqual({ ok: true });
  });

  it('rejects a replayed old timestamp, and one too far in the future', () => {
    const signature = signWebhook(SECRET, TS, BODY);
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: TS, body: BODY, signature, now: NOW + 301_000 })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: TS, body: BODY, signature, now: NOW - 301_000 })).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects a tampered body, a changed timestamp, another secret and malformed headers', () => {
    const signature = signWebhook(SECRET, TS, BODY);
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: TS, body: BODY.replace('ping', 'pong'), signature, now: NOW })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: TS + 1, body: BODY, signature, now: NOW })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature({ secret: 'whsec_other', timestamp: TS, body: BODY, signature, now: NOW })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: TS, body: BODY, signature: signature.slice(0, -2), now: NOW })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: undefined, body: BODY, signature, now: NOW })).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: '1e9', body: BODY, signature, now: NOW })).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: TS, body: BODY, signature: undefined, now: NOW })).toEqual({ ok: false, reason: 'malformed' });
  });

  it('accepts any one of several comma-separated signatures', () => {
    const signature = `v1=${'0'.repeat(64)}, ${signWebhook(SECRET, TS, BODY)}`;
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: TS, body: BODY, signature, now: NOW }).ok).toBe(true);
  });

  it('generates distinct, prefixed 256-bit secrets', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(a);
  });

  it('the documented receiver snippet agrees with the sender', () => {
    const verify = docsSnippet();
    const signature = signWebhook(SECRET, TS, BODY);
    expect(verify({ secret: SECRET, timestamp: String(TS), body: BODY, signature, now: NOW })).toBe(true);
    expect(verify({ secret: SECRET, timestamp: String(TS), body: BODY, signature, now: NOW + 301_000 })).toBe(false);
    expect(verify({ secret: SECRET, timestamp: String(TS), body: `${BODY} `, signature, now: NOW })).toBe(false);
    expect(verify({ secret: SECRET, timestamp: String(TS + 1), body: BODY, signature, now: NOW })).toBe(false);
    expect(verify({ secret: SECRET, timestamp: String(TS), body: BODY, signature: undefined, now: NOW })).toBe(false);
  });
});
