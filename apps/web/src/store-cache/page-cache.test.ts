import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache.ts';

const page = (tenantId: string, text: string) => ({ tenantId, status: 200, headers: { 'content-type': 'text/html' }, body: Buffer.from(text) });

describe('PageCache', () => {
  it("drops exactly one store's pages when that store changes", () => {
    const cache = new PageCache({ maxBytes: 1_000, maxAgeMs: 60_000 });
    cache.set('a.test|/', page('A', 'home A'));
    cache.set('a.test|/products/mug', page('A', 'mug A'));
    cache.set('shop.a.example|/', page('A', 'home A on its domain'));
    cache.set('b.test|/', page('B', 'home B'));
    cache.dropTenant('A');
    expect([cache.get('a.test|/'), cache.get('a.test|/products/mug'), cache.get('shop.a.example|/')]).toEqual([undefined, undefined, undefined]);
    expect(cache.get('b.test|/')?.body.toString()).toBe('home B');
    expect(cache.bytes).toBe('home B'.length);
  });

  it('keeps within its byte budget by dropping the least recently used pages', () => {
    const cache = new PageCache({ maxBytes: 30, maxAgeMs: 60_000 });
    cache.set('one', page('A', '0123456789'));
    cache.set('two', page('A', '0123456789'));
    cache.set('three', page('B', '0123456789'));
    cache.get('one');
    cache.set('four', page('B', '0123456789'));
    expect(cache.get('two')).toBeUndefined();
    expect(['one', 'three', 'four'].map((k) => cache.get(k)?.body.length)).toEqual([10, 10, 10]);
    expect(cache.bytes).toBe(30);
    cache.set('huge', page('B', 'x'.repeat(31)));
    expect(cache.get('huge')).toBeUndefined();
  });

  it('renders again a page older than the maximum age, and replaces a page stored twice', () => {
    let now = 0;
    const cache = new PageCache({ maxBytes: 1_000, maxAgeMs: 1_000, now: () => now });
    cache.set('k', page('A', 'first'));
    cache.set('k', page('A', 'second'));
    expect(cache.bytes).toBe('second'.length);
    now = 1_001;
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
