/** A price in minor units (1990 = 19.90 BRL) as the locale writes it. Currencies with other exponents (JPY) are handled. */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amountMinor / 10 ** digits);
}

/** "R$ 10,00" or "R$ 10,00 – R$ 20,00" for a product whose variants differ in price. */
export function formatPriceRange(min: number, max: number, currency: string, locale: string): string {
  const low = formatMoney(min, currency, locale);
  return min === max ? low : `${low} – ${formatMoney(max, currency, locale)}`;
}
