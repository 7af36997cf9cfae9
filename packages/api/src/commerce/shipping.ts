import type { ShippingRateKind } from '@vitrine/db';

/** A shipping_rates row as the rules need it. */
export interface ShippingRateTerms {
  id: string;
  kind: ShippingRateKind;
  name: string;
  minValue: number;
  maxValue: number | null;
  priceAmount: number;
  position: number;
}

export interface ShippingOption {
  /** The band's rate id, or "pickup". */
  id: string;
  kind: ShippingRateKind;
  name: string;
  amount: number;
}

export const PICKUP = 'pickup';

export interface ShippingMeasure {
  /** Merchandise after the coupon discount, minor units (bands by ORDER_VALUE compare this). */
  orderValue: number;
  /** Sum of the items' weights in grams (a variant without a weight counts 0) (bands by WEIGHT compare this). */
  weightGrams: number;
}

/**
 * The ways this order can travel: the band whose [min, max) holds the order's value or weight (a store uses one
 * basis; bands do not overlap, the first by position wins if they ever do), then local pickup if offered.
 * No band holding the order and no pickup: no option (the store does not ship such an order).
 */
export function shippingOptions(rates: readonly ShippingRateTerms[], measure: ShippingMeasure): ShippingOption[] {
  const options: ShippingOption[] = [];
  const bands = rates.filter((r) => r.kind !== 'PICKUP').sort((a, b) => a.position - b.position || a.minValue - b.minValue);
  const band = bands.find((r) => {
    const x = r.kind === 'WEIGHT' ? measure.weightGrams : measure.orderValue;
    return x >= r.minValue && (r.maxValue === null || x < r.maxValue);
  });
  if (band) options.push({ id: band.id, kind: band.kind, name: band.name, amount: band.priceAmount });
  const pickup = rates.find((r) => r.kind === 'PICKUP');
  if (pickup) options.push({ id: PICKUP, kind: 'PICKUP', name: pickup.name, amount: pickup.priceAmount });
  return options;
}
