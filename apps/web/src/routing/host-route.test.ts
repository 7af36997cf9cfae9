import { describe, expect, it } from 'vitest';
import { hostOnly, isSharedPath, routeForHost, storePath } from './host-route.ts';

describe('routeForHost', () => {
  it('serves the platform on the platform domain, with or without port, www or case', () => {
    expect(routeForHost('localhost:3000', 'localhost')).toEqual({ kind: 'platform' });
    expect(routeForHost('Vitrine.example', 'vitrine.example')).toEqual({ kind: 'platform' });
    expect(routeForHost('www.vitrine.example', 'vitrine.example')).toEqual({ kind: 'platform' });
    expect(routeForHost('vitrine.example.', 'vitrine.example')).toEqual({ kind: 'platform' });
    expect(routeForHost('', 'vitrine.example')).toEqual({ kind: 'platform' });
    expect(routeForHost('127.0.0.1:3000', 'localhost')).toEqual({ kind: 'platform' });
    expect(routeForHost('[::1]:3000', 'localhost')).toEqual({ kind: 'platform' });
  });

  it('sends subdomains of the platform domain to their store', () => {
    expect(routeForHost('alpha.localhost:3210', 'localhost')).toEqual({ kind: 'store', host: 'alpha.localhost' });
    expect(routeForHost('BETA.vitrine.example', 'vitrine.example')).toEqual({ kind: 'store', host: 'beta.vitrine.example' });
  });

  it('sends any other host (a custom domain) to the store routes', () => {
    expect(routeForHost('shop.alpha-shoes.com', 'vitrine.example')).toEqual({ kind: 'store', host: 'shop.alpha-shoes.com' });
    expect(routeForHost('evil-localhost', 'localhost')).toEqual({ kind: 'store', host: 'evil-localhost' });
  });
});

describe('helpers', () => {
  it('strips ports and keeps IPv6 literals', () => {
    expect(hostOnly('[::1]:3000')).toBe('[::1]');
    expect(hostOnly('a.localhost:80')).toBe('a.localhost');
  });

  it('builds internal store paths', () => {
    expect(storePath('alpha.localhost', '/')).toBe('/store/alpha.localhost');
    expect(storePath('alpha.localhost', '/products/mug')).toBe('/store/alpha.localhost/products/mug');
  });

  it("sends a store host's /sitemap.xml and /robots.txt to that store's routes; the platform host keeps its own", () => {
    expect(routeForHost('alpha.localhost:3000', 'localhost')).toEqual({ kind: 'store', host: 'alpha.localhost' });
    expect(storePath('alpha.localhost', '/sitemap.xml')).toBe('/store/alpha.localhost/sitemap.xml');
    expect(storePath('shop.alpha-shoes.com', '/robots.txt')).toBe('/store/shop.alpha-shoes.com/robots.txt');
    expect(isSharedPath('/sitemap.xml')).toBe(false);
    expect(isSharedPath('/robots.txt')).toBe(false);
    expect(routeForHost('localhost:3000', 'localhost')).toEqual({ kind: 'platform' });
  });

  it('leaves the API and assets alone', () => {
    expect(isSharedPath('/api/trpc/storefront.home')).toBe(true);
    expect(isSharedPath('/_next/static/x.js')).toBe(true);
    expect(isSharedPath('/media/tenants/t1/products/a/480.webp')).toBe(true);
    expect(isSharedPath('/products/mug')).toBe(false);
    expect(isSharedPath('/mediakit')).toBe(false);
  });
});
