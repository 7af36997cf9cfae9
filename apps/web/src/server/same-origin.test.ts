import { describe, expect, it } from 'vitest';
import { isCrossOriginWrite } from './same-origin.ts';

const h = (entries: Record<string, string>) => new Headers(entries);

describe('isCrossOriginWrite', () => {
  it('refuses a cookie-carrying POST from another host, including a store on a subdomain of the platform', () => {
    expect(isCrossOriginWrite('POST', h({ host: 'localhost:3000', origin: 'http://alpha.localhost:3000', cookie: 'a=1' }))).toBe(true);
    expect(isCrossOriginWrite('POST', h({ host: 'vitrine.example', origin: 'https://evil.example', cookie: 'a=1' }))).toBe(true);
    expect(isCrossOriginWrite('POST', h({ host: 'vitrine.example', origin: 'null', cookie: 'a=1' }))).toBe(true);
    expect(isCrossOriginWrite('POST', h({ host: 'localhost:3000', origin: 'http://localhost:4000', cookie: 'a=1' }))).toBe(true);
  });

  it('lets same-host writes, reads and cookie-less or origin-less requests through', () => {
    expect(isCrossOriginWrite('POST', h({ host: 'localhost:3000', origin: 'http://localhost:3000', cookie: 'a=1' }))).toBe(false);
    expect(isCrossOriginWrite('POST', h({ host: 'Alpha.localhost:3000', origin: 'http://alpha.localhost:3000', cookie: 'a=1' }))).toBe(false);
    expect(isCrossOriginWrite('GET', h({ host: 'localhost:3000', origin: 'http://evil.example', cookie: 'a=1' }))).toBe(false);
    expect(isCrossOriginWrite('POST', h({ host: 'localhost:3000', origin: 'http://evil.example' }))).toBe(false);
    expect(isCrossOriginWrite('POST', h({ host: 'localhost:3000', cookie: 'a=1' }))).toBe(false);
  });

  it('lets the desktop app\'s bearer requests (no cookies) through, but an Authorization header does not excuse cookies', () => {
    expect(isCrossOriginWrite('POST', h({ host: 'vitrine.example', authorization: 'Bearer vtd_x', origin: 'app://desktop' }))).toBe(false);
    expect(isCrossOriginWrite('POST', h({ host: 'vitrine.example', authorization: 'Bearer vtd_x', origin: 'https://evil.example', cookie: 'a=1' }))).toBe(true);
  });

  it('compares with the forwarded host behind a proxy', () => {
    expect(isCrossOriginWrite('POST', h({ host: '10.0.0.5:3000', 'x-forwarded-host': 'vitrine.example', origin: 'https://vitrine.example', cookie: 'a=1' }))).toBe(false);
  });
});
