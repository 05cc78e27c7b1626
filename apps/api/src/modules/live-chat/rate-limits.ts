import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../../core/config/app-config';
import { AppException } from '../../core/errors/app.exception';

type LimitName = 'visitorMessages' | 'ipMessages' | 'ipConversations' | 'ipSessions' | 'ipQuotes';

/** Points per window (seconds) from the environment; 0 points = unlimited. */
function limitsFrom(env: AppConfig['env']): Record<LimitName, { points: number; duration: number }> {
  return {
    visitorMessages: { points: env.RATE_LIMIT_VISITOR_MESSAGES_PER_10S, duration: 10 },
    ipMessages: { points: env.RATE_LIMIT_IP_MESSAGES_PER_10S, duration: 10 }, // an office NAT has several visitors
    ipConversations: { points: env.RATE_LIMIT_IP_CONVERSATIONS_PER_HOUR, duration: 3600 },
    ipSessions: { points: env.RATE_LIMIT_IP_SESSIONS_PER_MINUTE, duration: 60 },
    ipQuotes: { points: env.RATE_LIMIT_IP_QUOTES_PER_HOUR, duration: 3600 },
  };
}

/** Limits per visitor and per IP. In memory per process, or shared through Redis when REDIS_URL is set. */
@Injectable()
export class RateLimits implements OnModuleDestroy {
  private readonly limiters: Partial<Record<LimitName, RateLimiterAbstract>> = {};
  private readonly redis?: Redis;

  constructor(config: AppConfig) {
    if (config.env.REDIS_URL) this.redis = new Redis(config.env.REDIS_URL, { enableOfflineQueue: false });
    for (const [name, limit] of Object.entries(limitsFrom(config.env)) as [LimitName, { points: number; duration: number }][]) {
      if (limit.points === 0) continue;
      this.limiters[name] = this.redis
        ? new RateLimiterRedis({ storeClient: this.redis, keyPrefix: `parley:rl:${name}`, ...limit, insuranceLimiter: new RateLimiterMemory(limit) })
        : new RateLimiterMemory(limit);
    }
  }

  /** Spends one point per key; throws rate_limited with retryAfterMs when any is exhausted. */
  async consume(...checks: [LimitName, string][]): Promise<void> {
    for (const [name, key] of checks) {
      const limiter = this.limiters[name];
      if (!limiter) continue;
      try {
        await limiter.consume(key);
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
