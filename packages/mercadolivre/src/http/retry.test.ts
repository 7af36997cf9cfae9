import { describe, expect, it } from 'vitest';
import { MlBadRequestError, MlRateLimitedError, MlServerError } from '../errors.ts';
import { toMinorUnits } from '../money.ts';
import { retryAfterMs } from './request.ts';
import { retryDelay, withRetry } from './retry.ts';

describe('retries', () => {
  it('backs off exponentially with full jitter, capped, and honours Retry-After', () => {
    const top = { random: () => 0.999999, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, new MlServerError('x', 500, undefined, 'e'), top))).toEqual([100, 200, 400, 800, 1_000]);
    expect(retryDelay(3, new MlServerError('x', 500, undefined, 'e'), { ...top, random: () => 0 })).toBe(0);
    expect(retryDelay(1, new MlRateLimitedError('x', 'e', undefined, 700), top)).toBe(700);
    expect(retryAfterMs('3')).toBe(3_000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs(null)).toBeUndefined();
  });

  it('retries only what may succeed later', async () => {
    let calls = 0;
    const refused = withRetry(async () => {
      calls++;
      throw new MlBadRequestError('invalid_question', 400, 'invalid_question', 'POST /answers');
    }, { sleep: async () => {} });
    await expect(refused).rejects.toBeInstanceOf(MlBadRequestError);
    expect(calls).toBe(1);
    calls = 0;
    const flaky = await withRetry(async () => {
      if (++calls < 3) throw new MlServerError('boom', 503, undefined, 'GET /x');
      return 'ok';
    }, { sleep: async () => {} });
    expect([flaky, calls]).toEqual(['ok', 3]);
  });

  it('converts ML amounts to minor units by currency', () => {
    expect(toMinorUnits(129.9, 'BRL')).toBe(12_990);
    expect(toMinorUnits(0.1 + 0.2, 'USD')).toBe(30);
    expect(toMinorUnits(15_990, 'CLP')).toBe(15_990);
  });
});
