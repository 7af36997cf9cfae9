/** ISO 4217 currencies without minor units among those ML sites use (and a few common others). */
const ZERO_DECIMAL = new Set(['CLP', 'PYG', 'JPY', 'KRW', 'VND', 'ISK', 'UGX', 'XAF', 'XOF']);

/** ML sends amounts in major units (129.9 BRL); we keep integer minor units (12990). */
export function toMinorUnits(amount: number, currency: string): number {
  const digits = ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
  return Math.round(amount * 10 ** digits);
}
