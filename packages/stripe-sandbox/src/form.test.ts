import { describe, expect, it } from 'vitest';
import { FormSyntaxError, parseForm } from './form.ts';

describe('parseForm', () => {
  it('nests bracketed keys and turns index-only keys into arrays', () => {
    const body = new URLSearchParams({
      'line_items[0][price_data][currency]': 'brl',
      'line_items[0][price_data][unit_amount]': '2500',
      'line_items[0][quantity]': '2',
      'line_items[1][price]': 'price_1',
      'metadata[order_id]': 'o_1',
      'metadata[note]': '',
      'expand[0]': 'payment_intent',
      mode: 'payment',
    }).toString();
    expect(parseForm(body)).toEqual({
      line_items: [{ price_data: { currency: 'brl', unit_amount: '2500' }, quantity: '2' }, { price: 'price_1' }],
      metadata: { order_id: 'o_1', note: '' },
      expand: ['payment_intent'],
      mode: 'payment',
    });
  });

  it('appends empty indexes and orders numeric indexes numerically', () => {
    expect(parseForm('expand[]=a&expand[]=b')).toEqual({ expand: ['a', 'b'] });
    expect(parseForm('items[10][price]=k&items[2][price]=c')).toEqual({ items: [{ price: 'c' }, { price: 'k' }] });
  });

  it('refuses malformed and conflicting keys', () => {
    expect(() => parseForm('a[b=1')).toThrow(FormSyntaxError);
    expect(() => parseForm('a=1&a[b]=2')).toThrow(FormSyntaxError);
  });
});
