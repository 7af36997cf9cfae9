import { describe, expect, it } from 'vitest';
import { listingQuery, parseListingParams, searchInputOf } from './listing-params.ts';

const parse = (query: string) => parseListingParams(new URLSearchParams(query));

describe('listing params', () => {
  it('reads the query, category, sort, price band, option values and page', () => {
    expect(parse('q=camiseta&category=tops&sort=price_asc&price=1000-5000&o=Size:M&o=Size:L&o=Colour:Preto&page=3')).toEqual({
      q: 'camiseta',
      category: 'tops',
      sort: 'price_asc',
      priceMin: 1000,
      priceMax: 5000,
      options: { Size: ['M', 'L'], Colour: ['Preto'] },
      page: 3,
    });
    expect(parse('price=5000-')).toMatchObject({ priceMin: 5000 });
    expect(parse('price=5000-')).not.toHaveProperty('priceMax');
  });

  it('leaves out what it cannot read instead of failing', () => {
    expect(parse('sort=cheapest&category=Not%20A%20Slug&price=9-1&page=-4&o=novalue&o=:x')).toEqual({ q: '', options: {}, page: 1 });
    expect(parse('page=99999').page).toBe(200);
    expect(parse(`q=${'x'.repeat(300)}`).q).toHaveLength(200);
    const many = Array.from({ length: 8 }, (_, i) => `o=Opt${i}:v`).join('&');
    expect(Object.keys(parse(many).options)).toHaveLength(5);
  });

  it('writes back what it reads, without page 1', () => {
    const query = '?q=caneca+azul&sort=newest&price=1000-&o=Size%3AM&page=2';
    expect(listingQuery(parse(query.slice(1)))).toBe(query);
    expect(listingQuery({ q: '', options: {}, page: 1 })).toBe('');
  });

  it('gives the search procedure its input, the page\'s scope first', () => {
    expect(searchInputOf(parse('q=mug&category=cups&price=100-200'), { collection: 'summer' })).toEqual({
      query: 'mug',
      category: 'cups',
      collection: 'summer',
      priceMin: 100,
      priceMax: 200,
      options: {},
      page: 1,
      limit: 24,
    });
    expect(searchInputOf(parse('category=cups'), { category: 'tops' })).toMatchObject({ category: 'tops' });
  });
});
