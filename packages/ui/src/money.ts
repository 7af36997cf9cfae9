import { formatMoney } from '@vitrine/core/money';

export { formatMoney };

/** "R$ 10,00" or "R$ 10,00 – R$ 20,00" for a product whose variants differ in price. */
export function formatPriceRange(min: number, max: number, currency: string, locale: string): string {
  const low = formatMoney(min, currency, locale);
  return min === max ? low : `${low} – ${formatMoney(max, currency, locale)}`;
}
