import { describe, expect, it } from 'vitest';
import { storePageKey, type PageRequest } from './page-key.ts';

const request = (over: Partial<PageRequest> = {}): PageRequest => ({
  method: 'GET',
  host: 'Alpha.Localhost:3000',
  forwardedProto: null,
  pathAndQuery: '/products/mug?lang=es',
  cookie: null,
  ...over,
});

describe('storePageKey', () => {
  it('keys a page by scheme, host, path with query, and the remembered language', () => {
    expect(storePageKey(request())).toBe('http://alpha.localhost:3000/products/mug?lang=es\n');
    expect(storePageKey(request({ cookie: 'vitrine_store_lang=es' }))).toBe('http://alpha.localhost:3000/products/mug?lang=es\nes');
    expect(storePageKey(request({ forwardedProto: 'https, http' }))).toMatch(/^https:\/\//);
    expect(storePageKey(request({ method: 'HEAD' }))).not.toBeNull();
  });

  it('refuses visitors with any other cookie (a cart, an account), other methods and requests without a host', () => {
    expect(storePageKey(request({ cookie: 'vitrine_store_lang=es; vitrine_cart=abc' }))).toBeNull();
    expect(storePageKey(request({ cookie: 'session=1' }))).toBeNull();
    expect(storePageKey(request({ method: 'POST' }))).toBeNull();
    expect(storePageKey(request({ host: undefined }))).toBeNull();
  });
});
