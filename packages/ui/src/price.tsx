import { formatPriceRange } from './money.ts';

export function Price({ min, max, currency, locale }: { min: number; max?: number; currency: string; locale: string }) {
  return <span className="v-price">{formatPriceRange(min, max ?? min, currency, locale)}</span>;
}
