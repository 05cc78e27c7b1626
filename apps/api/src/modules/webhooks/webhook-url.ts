import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may point. Always: http or https, no credentials in the URL. In production, unless
 * WEBHOOK_ALLOW_PRIVATE_URLS is on, never at private, loopback, link-local or otherwise non-public
 * addresses (an admin must not be able to make Parley call its own network): IP literals and
 * `localhost` are refused when the webhook is saved, host names are resolved and checked before
 * every delivery. Redirects are not followed, so a public receiver cannot bounce a delivery inward.
 */

const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata endpoints
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 of IPv4 addresses
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** True for addresses that are not on the public internet (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
const isLocalName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/** Why this URL cannot be a webhook, or null. Checks what is knowable without DNS. */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'url must use http or https';
  if (url.username || url.password) return 'url must not contain credentials';
  if (allowPrivate) return null;
  const host = hostOf(url);
  if (isLocalName(host) || isPrivateAddress(host)) return 'url must point at a public address (set WEBHOOK_ALLOW_PRIVATE_URLS=1 to allow private ones)';
  return null;
}

export type Resolver = (host: string) => Promise<string[]>;
const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Before a delivery: null when the URL may be called now, or why not. Resolves the host (the answer may
 * have changed since the webhook was saved); any non-public address refuses the delivery.
 */
export async function deliveryUrlProblem(raw: string, allowPrivate: boolean, resolve: Resolver = systemResolver): Promise<string | null> {
  const problem = webhookUrlProblem(raw, allowPrivate);
  if (problem || allowPrivate) return problem;
  const host = hostOf(new URL(raw));
  if (isIP(host)) return null;
  const addresses = await resolve(host);
  const inner = addresses.find(isPrivateAddress);
  return inner ? `${host} resolves to the non-public address ${inner}` : null;
}
