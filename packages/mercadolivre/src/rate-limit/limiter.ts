import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { takeRateSlot } from '@vitrine/core/gcra';

export interface RateLimiterOptions {
  redis: Redis;
  /** Key prefix (one per deployment; tests use their own). */
  prefix: string;
  /** Application id, so two ML applications on one Redis do not share a budget. */
  appId?: string;
  perAppPerSecond: number;
  perSellerPerSecond: number;
  /** Tests pass a fake clock (ms); by default Redis's own clock, the same for every process. */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RateLimiter {
  /** Waits until both the application's and the seller's budgets have a slot, and takes it. */
  acquire(sellerId: number | string): Promise<void>;
  /** Takes a slot if one is free now; otherwise says how long to wait (ms) and takes nothing. */
  tryAcquire(sellerId: number | string): Promise<number>;
}

/**
 * Requests per second to Mercado Livre, per application and per seller, shared by every process through
 * Redis (the GCRA of @vitrine/core/gcra). A slot is taken from both buckets at once or from neither, and the
 * caller waits for the later of the two. Bursts of up to one second's worth pass.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const appKey = `${options.prefix}:ml:rate:app:${options.appId ?? 'default'}`;
  const sleep = options.sleep ?? sleepFor;

  async function tryAcquire(sellerId: number | string): Promise<number> {
    const buckets = [
      { key: appKey, perSecond: options.perAppPerSecond },
      { key: `${options.prefix}:ml:rate:seller:${sellerId}`, perSecond: options.perSellerPerSecond },
    ];
    return takeRateSlot(options.redis, buckets, options.clock ? options.clock() : -1);
  }

  return {
    tryAcquire,
    async acquire(sellerId) {
      for (;;) {
        const wait = await tryAcquire(sellerId);
        if (wait <= 0) return;
        await sleep(Math.ceil(wait));
      }
    },
  };
}
