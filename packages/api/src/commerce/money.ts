/**
 * Money is integer minor units of one currency (cents for BRL and USD). Percentages are basis points
 * (1 % = 100 bp). Every share of an amount is rounded once, half up (0.5 minor unit goes up), on the whole
 * amount it applies to — never line by line — so a discount or a tax is the same whatever the order of the lines.
 */
export const BASIS_POINTS = 10_000;

/** `amount × basisPoints / 10 000`, rounded half up; amounts and rates are never negative. */
export function shareOf(amount: number, basisPoints: number): number {
  return Math.floor((amount * basisPoints + BASIS_POINTS / 2) / BASIS_POINTS);
}

/** "R$ 50,00" / "$50.00": one formatter for the web, the emails and the API's sentences. */
export { formatMoney } from '@vitrine/core/money';
