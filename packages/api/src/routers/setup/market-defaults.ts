/** Countries the wizard offers, with the currency and language a store there most likely wants. */
export const MARKET_DEFAULTS = {
  BR: { currency: 'BRL', locale: 'pt-BR' },
  PT: { currency: 'EUR', locale: 'pt-BR' },
  US: { currency: 'USD', locale: 'en' },
  GB: { currency: 'GBP', locale: 'en' },
  CA: { currency: 'CAD', locale: 'en' },
  ES: { currency: 'EUR', locale: 'es' },
  AR: { currency: 'ARS', locale: 'es' },
  MX: { currency: 'MXN', locale: 'es' },
  CL: { currency: 'CLP', locale: 'es' },
  CO: { currency: 'COP', locale: 'es' },
} as const satisfies Record<string, { currency: string; locale: string }>;

export type MarketCountry = keyof typeof MARKET_DEFAULTS;
export const MARKET_COUNTRIES = Object.keys(MARKET_DEFAULTS) as MarketCountry[];
export const MARKET_CURRENCIES = [...new Set(Object.values(MARKET_DEFAULTS).map((d) => d.currency))];
/** Store languages (Portuguese stores in Portugal use pt-BR until a pt-PT translation exists). */
export const MARKET_LOCALES = ['pt-BR', 'en', 'es'] as const;

export const NICHES = ['fashion', 'beauty', 'home', 'electronics', 'food', 'sports', 'kids', 'pets', 'books', 'crafts', 'other'] as const;
export type Niche = (typeof NICHES)[number];

export function marketDefaultsFor(country: string): { currency: string; locale: string } {
  return MARKET_DEFAULTS[country as MarketCountry] ?? { currency: 'USD', locale: 'en' };
}
