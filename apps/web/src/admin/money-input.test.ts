import { describe, expect, it } from 'vitest';
import { parsePriceToMinor } from './money-input.ts';

describe('parsePriceToMinor', () => {
  it('reads decimal prices in either separator', () => {
    expect(parsePriceToMinor('19.90', 'BRL')).toBe(1990);
    expect(parsePriceToMinor('19,9', 'EUR')).toBe(1990);
    expect(parsePriceToMinor('20', 'USD')).toBe(2000);
  });
  it('knows currencies without minor units', () => {
    expect(parsePriceToMinor('1500', 'JPY')).toBe(1500);
    expect(parsePriceToMinor('1500.5', 'JPY')).toBeNull();
  });
  it('refuses things that are not prices', () => {
    expect(parsePriceToMinor('', 'BRL')).toBeNull();
    expect(parsePriceToMinor('-3', 'BRL')).toBeNull();
    expect(parsePriceToMinor('1.999', 'BRL')).toBeNull();
    expect(parsePriceToMinor('abc', 'BRL')).toBeNull();
  });
});
