import { describe, expect, it } from 'vitest';
import { parsePrice, validateRows } from './validate.ts';

describe('parsePrice', () => {
  it('reads prices as people write them', () => {
    expect(parsePrice('19.90', 2)).toBe(1990);
    expect(parsePrice('19,90', 2)).toBe(1990);
    expect(parsePrice('R$ 1.234,56', 2)).toBe(123456);
    expect(parsePrice('1,234.56', 2)).toBe(123456);
    expect(parsePrice('1.234', 2)).toBe(123400);
    expect(parsePrice('19.999', 2)).toBe(1999900);
    expect(parsePrice('19.9', 2)).toBe(1990);
    expect(parsePrice('20', 2)).toBe(2000);
    expect(parsePrice('500', 0)).toBe(500);
  });

  it('refuses what is not a price', () => {
    for (const bad of ['', 'abc', '19.', '-5', '1.2.3,4,5', '99999999999']) expect(parsePrice(bad, 2), bad).toBeNull();
  });
});

describe('validateRows', () => {
  const row = (rowNumber: number, values: Record<string, string>) => ({ rowNumber, ...values });

  it('groups variants under their product and keeps option values', () => {
    const { products, errors } = validateRows(
      [
        row(2, { handle: 'tee', title: 'Tee', status: 'active', option1Name: 'Size', option1Value: 'M', sku: 'TEE-M', price: '49,90', stock: '3' }),
        row(3, { handle: 'tee', option1Name: 'Size', option1Value: 'L', sku: 'TEE-L', price: '49,90' }),
        row(4, { handle: 'mug', title: 'Mug', sku: 'MUG', price: '25' }),
      ],
      'BRL',
    );
    expect(errors).toEqual([]);
    expect(products.map((p) => [p.handle, p.status, p.variants.map((v) => [v.sku, v.attributes, v.priceAmount, v.stock])])).toEqual([
      ['tee', 'ACTIVE', [['TEE-M', { Size: 'M' }, 4990, 3], ['TEE-L', { Size: 'L' }, 4990, 0]]],
      ['mug', null, [['MUG', {}, 2500, 0]]],
    ]);
  });

  it('names the row and the column of every problem, not only the first', () => {
    const { errors } = validateRows(
      [
        row(2, { handle: 'Bad Handle', title: 'X', sku: 'A', price: '1' }),
        row(3, { handle: 'ok', sku: 'B', price: 'ten' }),
        row(4, { handle: 'ok', title: 'Other title', sku: 'b', price: '1', stock: '-2' }),
        row(5, { handle: 'two', title: 'Two', sku: 'C d', price: '1', status: 'maybe', option1Value: 'Red' }),
      ],
      'BRL',
    );
    expect(errors).toEqual([
      { row: 2, column: 'handle', message: expect.stringContaining('not a valid handle') },
      { row: 3, column: 'price', message: '"ten" is not a price: write it like 19.90.' },
      { row: 4, column: 'sku', message: 'SKU "b" is already used on row 3.' },
      { row: 4, column: 'stock', message: expect.stringContaining('whole number') },
      { row: 5, column: 'status', message: expect.stringContaining('write draft or active') },
      { row: 5, column: 'sku', message: expect.stringContaining('can only use letters') },
      { row: 5, column: 'option1_name', message: expect.stringContaining('Name the option') },
    ]);
  });
});
