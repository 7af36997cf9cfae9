import { shareOf } from './money.ts';

/** A tax_rules row as the rules need it. */
export interface TaxRuleTerms {
  id: string;
  name: string;
  country: string;
  region: string | null;
  rateBasisPoints: number;
  appliesToShipping: boolean;
}

export interface TaxAddress {
  country: string;
  region?: string | null;
}

/**
 * The rule for an address, the most specific first: the one for its country and region, else the country's rule
 * without a region; none when the store has no rule for the country (no tax). Codes compare upper case.
 */
export function taxRuleFor<T extends TaxRuleTerms>(rules: readonly T[], address: TaxAddress): T | null {
  const country = address.country.trim().toUpperCase();
  const region = address.region?.trim().toUpperCase() || null;
  const ofCountry = rules.filter((r) => r.country.toUpperCase() === country);
  return (region ? ofCountry.find((r) => r.region?.toUpperCase() === region) : undefined) ?? ofCountry.find((r) => r.region === null) ?? null;
}

/**
 * Tax added on top of the prices: the rate on the discounted merchandise, plus on shipping when the rule says so,
 * rounded half up once on that whole taxable amount.
 */
export function taxOn(rule: Pick<TaxRuleTerms, 'rateBasisPoints' | 'appliesToShipping'> | null, goods: number, shipping: number): number {
  if (!rule) return 0;
  return shareOf(goods + (rule.appliesToShipping ? shipping : 0), rule.rateBasisPoints);
}
