import type { SeedPrice } from './options.ts';

/**
 * The platform's plan prices with fixed ids and lookup keys, so the demo and the browser tests find the same
 * prices the billing code asks for (`prices.list({ lookup_keys })`).
 */
export const PLATFORM_PLAN_PRICES: SeedPrice[] = [
  { id: 'price_vitrine_basic_monthly', lookupKey: 'vitrine_basic_monthly', productName: 'Vitrine Basic', currency: 'brl', unitAmount: 4_900, interval: 'month' },
  { id: 'price_vitrine_pro_monthly', lookupKey: 'vitrine_pro_monthly', productName: 'Vitrine Pro', currency: 'brl', unitAmount: 14_900, interval: 'month' },
  { id: 'price_vitrine_pro_yearly', lookupKey: 'vitrine_pro_yearly', productName: 'Vitrine Pro', currency: 'brl', unitAmount: 149_000, interval: 'year' },
];
