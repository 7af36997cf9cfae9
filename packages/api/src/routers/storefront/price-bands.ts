/**
 * Price bands for the search facets. The database counts products per step of a fixed ladder of round prices
 * (1, 2, 5, 10, 20, 50… in major units, as minor units ×100); here adjacent steps are joined into at most
 * MAX_BANDS bands of similar size, so every band's count stays exact and its limits stay round numbers.
 */
export const PRICE_LADDER: readonly number[] = (() => {
  const steps: number[] = [];
  for (let scale = 100; scale <= 100_000_000; scale *= 10) steps.push(scale, scale * 2, scale * 5);
  return steps;
})();

export const MAX_BANDS = 5;

/** Products in one price band: from `min` (inclusive) to `max` (exclusive, null: no upper limit), minor units. */
export interface PriceBand {
  min: number;
  max: number | null;
  count: number;
}

/**
 * `buckets`: counts per `width_bucket(price, PRICE_LADDER)` (0: below the first step, k: [ladder[k-1], ladder[k]),
 * ladder.length: at or above the last step).
 */
export function priceBandsOf(buckets: readonly { bucket: number; count: number }[]): PriceBand[] {
  const steps = buckets
    .filter((b) => b.count > 0)
    .map((b) => ({ min: b.bucket === 0 ? 0 : PRICE_LADDER[b.bucket - 1]!, max: PRICE_LADDER[b.bucket] ?? null, count: b.count }))
    .sort((a, b) => a.min - b.min);
  const total = steps.reduce((n, s) => n + s.count, 0);
  if (total === 0) return [];
  const target = total / Math.min(MAX_BANDS, steps.length);
  const bands: PriceBand[] = [];
  for (const step of steps) {
    const open = bands[bands.length - 1];
    if (open && (open.count < target || bands.length >= MAX_BANDS)) {
      open.max = step.max;
      open.count += step.count;
    } else {
      bands.push({ ...step });
    }
  }
  return bands;
}
