import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLoginLimiter } from './login-limiter.ts';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = `vitrine-test-web-${randomBytes(4).toString('hex')}:`;

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('login limiter', () => {
  it('allows the allowance, then refuses with the time left, per IP and email', async () => {
    const limiter = createLoginLimiter(redis, prefix, { attempts: 3, accountAttempts: 100, windowSeconds: 60 });
    for (let i = 0; i < 3; i++) expect((await limiter.attempt('10.0.0.1', 'a@x.test')).allowed).toBe(true);
    const refused = await limiter.attempt('10.0.0.1', 'A@x.test ');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await limiter.attempt('10.0.0.2', 'a@x.test')).allowed).toBe(true);
    expect((await limiter.attempt('10.0.0.1', 'b@x.test')).allowed).toBe(true);
  });

  it('starts over after a successful sign-in clears the count', async () => {
    const limiter = createLoginLimiter(redis, prefix, { attempts: 1, accountAttempts: 100, windowSeconds: 60 });
    expect((await limiter.attempt('10.0.0.3', 'c@x.test')).allowed).toBe(true);
    expect((await limiter.attempt('10.0.0.3', 'c@x.test')).allowed).toBe(false);
    await limiter.clear('10.0.0.3', 'c@x.test');
    expect((await limiter.attempt('10.0.0.3', 'c@x.test')).allowed).toBe(true);
  });

  it('caps attempts on one account from every address together (forged or spread addresses)', async () => {
    const limiter = createLoginLimiter(redis, prefix, { attempts: 2, accountAttempts: 5, windowSeconds: 60 });
    for (let i = 0; i < 5; i++) expect((await limiter.attempt(`203.0.113.${i}`, 'd@x.test')).allowed).toBe(true);
    const refused = await limiter.attempt('203.0.113.99', 'D@x.test');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    // Other accounts are not affected, and a successful sign-in starts the account over.
    expect((await limiter.attempt('203.0.113.99', 'e@x.test')).allowed).toBe(true);
    await limiter.clear('203.0.113.0', 'd@x.test');
    expect((await limiter.attempt('203.0.113.0', 'd@x.test')).allowed).toBe(true);
  });
});
