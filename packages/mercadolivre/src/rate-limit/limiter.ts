import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Redis } from 'ioredis';

/**
 * Requests per second to Mercado Livre, per application and per seller, shared by every process through
 * Redis (GCRA: one "theoretical arrival time" per bucket). A slot is taken from both buckets at once or
 * from neither, and the caller waits for the later of the two. Bursts of up to one second's worth pass.
 */
const SCRIPT = `
local now = tonumber(ARGV[1])
if now < 0 then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local wait = 0
local next = {}
for i, key in ipairs(KEYS) do
  local interval = tonumber(ARGV[i * 2])
  local burst = tonumber(ARGV[i * 2 + 1])
  local tat = tonumber(redis.call('GET', key) or '0')
  if tat < now then tat = now end
  local new_tat = tat + interval
  local over = new_tat - now - burst * interval
  if over > wait then wait = over end
  next[i] = new_tat
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('SET', key, next[i], 'PX', math.ceil(next[i] - now) + 1000)
end
return 0
`;

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

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const appKey = `${options.prefix}:ml:rate:app:${options.appId ?? 'default'}`;
  const appInterval = 1000 / options.perAppPerSecond;
  const sellerInterval = 1000 / options.perSellerPerSecond;
  const appBurst = Math.max(1, Math.floor(options.perAppPerSecond));
  const sellerBurst = Math.max(1, Math.floor(options.perSellerPerSecond));
  const sleep = options.sleep ?? sleepFor;

  async function tryAcquire(sellerId: number | string): Promise<number> {
    const sellerKey = `${options.prefix}:ml:rate:seller:${sellerId}`;
    const now = options.clock ? options.clock() : -1;
    const wait = await options.redis.eval(SCRIPT, 2, appKey, sellerKey, now, appInterval, appBurst, sellerInterval, sellerBurst);
    return Number(wait);
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
