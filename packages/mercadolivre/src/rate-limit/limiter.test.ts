import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createRateLimiter } from './limiter.ts';

describe('rate limiter shared through Redis', () => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `test-mlrate-${process.pid}`;
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('gives two processes one application budget, and each seller its own', async () => {
    const clock = { now: 5_000_000 };
    const options = { redis, prefix, appId: 'a1', perAppPerSecond: 4, perSellerPerSecond: 2, clock: () => clock.now };
    const one = createRateLimiter(options);
    const two = createRateLimiter(options);
    // Seller 1: a burst of 2, then it must wait 500 ms, whichever process asks.
    expect(await one.tryAcquire(1)).toBe(0);
    expect(await two.tryAcquire(1)).toBe(0);
    expect(await two.tryAcquire(1)).toBe(500);
    // Seller 2 has its own budget, but the application's (4 at once) is shared: 2 left.
    expect(await one.tryAcquire(2)).toBe(0);
    expect(await two.tryAcquire(2)).toBe(0);
    expect(await one.tryAcquire(3)).toBeGreaterThan(0);
    clock.now += 500;
    expect(await one.tryAcquire(1)).toBe(0);
  });

  it('takes nothing when refusing, so a waiting caller does not push others back', async () => {
    const clock = { now: 9_000_000 };
    const limiter = createRateLimiter({ redis, prefix, appId: 'a2', perAppPerSecond: 1, perSellerPerSecond: 1, clock: () => clock.now });
    expect(await limiter.tryAcquire(7)).toBe(0);
    for (let i = 0; i < 5; i++) expect(await limiter.tryAcquire(7)).toBe(1_000);
    clock.now += 1_000;
    expect(await limiter.tryAcquire(7)).toBe(0);
  });
});
