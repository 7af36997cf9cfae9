const formatters = new Map<string, Intl.NumberFormat>();

/**
 * The formatter for a currency in a locale. Where the locale knows no symbol of its own for the currency (Spanish
 * writes "35,00 BRL"), the currency's narrow symbol is used instead ("35,00 R$"), so buyers see the sign they know.
 */
function moneyFormatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}\n${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    const sign = formatter.formatToParts(1).find((part) => part.type === 'currency')?.value;
    if (sign === currency.toUpperCase()) formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * "R$ 50,00" / "$50.00": an amount in minor units (1990 = 19.90 BRL) as a person reads it in the locale. Currencies
 * with other exponents (JPY) are handled. One implementation for the web pages, the emails and the API's sentences.
 */
export function formatMoney(amountMinor: number, currency: string, locale = 'en'): string {
  const formatter = moneyFormatter(currency, locale);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amountMinor / 10 ** digits);
}
