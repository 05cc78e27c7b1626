import { LRUCache } from 'lru-cache';

/**
 * A small per-process cache whose entries expire after `ttl` ms; concurrent misses of one key share
 * one `fetchMethod` call. lru-cache reads the clock once per `ttlResolution` and arms a timer to
 * forget it; its default of 1 ms means a timer every millisecond on a busy chat path (for each
 * cache). TTLs here are tens of seconds, so a clock read per second is precise enough.
 */
export function ttlCache<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(options: {
  max: number;
  ttl: number;
  fetchMethod: LRUCache.Fetcher<K, V>;
}): LRUCache<K, V> {
  return new LRUCache<K, V>({ ...options, ttlResolution: 1_000 });
}
