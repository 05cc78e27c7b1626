import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../../core/config/app-config';
import { AppException } from '../../core/errors/app.exception';

/** Limits per visitor and per IP. In memory per process, or shared through Redis when REDIS_URL is set. */
export const LIMITS = {
  visitorMessages: { points: 20, duration: 10 }, // messages per visitor per 10 s
  ipMessages: { points: 60, duration: 10 }, // messages per IP per 10 s (a shared office NAT has several visitors)
  ipConversations: { points: 20, duration: 3600 }, // new conversations per IP per hour
  ipSessions: { points: 60, duration: 60 }, // widget sessions per IP per minute
} as const;

type LimitName = keyof typeof LIMITS;

@Injectable()
export class RateLimits implements OnModuleDestroy {
  private readonly limiters: Record<LimitName, RateLimiterAbstract>;
  private readonly redis?: Redis;

  constructor(config: AppConfig) {
    if (config.env.REDIS_URL) this.redis = new Redis(config.env.REDIS_URL, { enableOfflineQueue: false });
    const make = (name: LimitName) =>
      this.redis ? new RateLimiterRedis({ storeClient: this.redis, keyPrefix: `parley:rl:${name}`, ...LIMITS[name], insuranceLimiter: new RateLimiterMemory(LIMITS[name]) }) : new RateLimiterMemory(LIMITS[name]);
    this.limiters = { visitorMessages: make('visitorMessages'), ipMessages: make('ipMessages'), ipConversations: make('ipConversations'), ipSessions: make('ipSessions') };
  }

  /** Spends one point per key; throws rate_limited with retryAfterMs when any is exhausted. */
  async consume(...checks: [LimitName, string][]): Promise<void> {
    for (const [name, key] of checks) {
      try {
        await this.limiters[name].consume(key);
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        throw new AppException('rate_limited', `Too many requests; retry in ${Math.ceil(e.msBeforeNext / 1000)} s`, { retryAfterMs: e.msBeforeNext });
      }
    }
  }

  onModuleDestroy() {
    this.redis?.disconnect();
  }
}
