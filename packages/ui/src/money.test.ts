import { describe, expect, it } from 'vitest';
import { formatMoney, formatPriceRange } from './money.ts';

describe('money formatting from minor units', () => {
  it('uses the locale and the currency exponent', () => {
    expect(formatMoney(1990, 'USD', 'en-US')).toBe('$19.90');
    expect(formatMoney(1990, 'BRL', 'pt-BR')).toMatch(/^R\$\s19,90$/);
    expect(formatMoney(1500, 'JPY', 'ja-JP')).toMatch(/1,500/);
  });
  it("writes the currency's sign where the locale would write its code, and keeps the locale's own sign otherwise", () => {
    expect(formatMoney(3500, 'BRL', 'es')).toMatch(/^35,00\sR\$$/);
    expect(formatMoney(3500, 'USD', 'pt-BR')).toMatch(/^US\$\s35,00$/);
    expect(formatMoney(3500, 'EUR', 'en')).toBe('€35.00');
  });
  it('shows a range only when the prices differ', () => {
    expect(formatPriceRange(1000, 1000, 'USD', 'en-US')).toBe('$10.00');
    expect(formatPriceRange(1000, 2500, 'USD', 'en-US')).toBe('$10.00 – $25.00');
  });
});
