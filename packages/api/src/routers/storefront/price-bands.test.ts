import { describe, expect, it } from 'vitest';
import { MAX_BANDS, PRICE_LADDER, priceBandsOf } from './price-bands.ts';

const bucketOf = (price: number) => PRICE_LADDER.filter((step) => step <= price).length;
const histogram = (prices: number[]) => {
  const counts = new Map<number, number>();
  for (const p of prices) counts.set(bucketOf(p), (counts.get(bucketOf(p)) ?? 0) + 1);
  return [...counts].map(([bucket, count]) => ({ bucket, count }));
};

describe('priceBandsOf', () => {
  it('keeps every product in exactly one band with round limits', () => {
    const prices = [150, 990, 1990, 2490, 4990, 5990, 12000, 25000, 99000, 250000];
    const bands = priceBandsOf(histogram(prices));
    expect(bands.length).toBeLessThanOrEqual(MAX_BANDS);
    expect(bands.reduce((n, b) => n + b.count, 0)).toBe(prices.length);
    for (const price of prices) {
      expect(bands.filter((b) => price >= b.min && (b.max === null || price < b.max))).toHaveLength(1);
    }
    for (const b of bands) expect([0, ...PRICE_LADDER]).toContain(b.min);
    for (const b of bands.slice(0, -1)) expect(PRICE_LADDER).toContain(b.max);
  });

  it('gives one band per price step when there are few, and nothing for no prices', () => {
    expect(priceBandsOf(histogram([1500, 1500, 3000]))).toEqual([
      { min: 1000, max: 2000, count: 2 },
      { min: 2000, max: 5000, count: 1 },
    ]);
    expect(priceBandsOf([])).toEqual([]);
  });

  it('joins many steps into at most five bands', () => {
    const prices = PRICE_LADDER.slice(0, 15).map((step) => step + 1);
    const bands = priceBandsOf(histogram(prices));
    expect(bands).toHaveLength(MAX_BANDS);
    expect(bands.reduce((n, b) => n + b.count, 0)).toBe(15);
    expect(bands[bands.length - 1]!.max).toBe(PRICE_LADDER[15]);
  });
});
