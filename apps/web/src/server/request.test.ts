import { describe, expect, it } from 'vitest';
import { clientIp } from './request.ts';

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff });

describe('client address', () => {
  it('behind one proxy: the address the proxy saw, not what the client wrote before it', () => {
    expect(clientIp(headers('6.6.6.6, 198.51.100.7'), 1)).toBe('198.51.100.7');
    expect(clientIp(headers('198.51.100.7'), 1)).toBe('198.51.100.7');
  });

  it('behind two proxies: the entry the outer proxy appended', () => {
    expect(clientIp(headers('6.6.6.6, 198.51.100.7, 10.0.0.2'), 2)).toBe('198.51.100.7');
  });

  it('with no proxy: the socket address next start set', () => {
    expect(clientIp(headers('198.51.100.9'), 0)).toBe('198.51.100.9');
  });

  it('a chain shorter than the proxies configured falls back to its first entry; no header at all is "unknown"', () => {
    expect(clientIp(headers('198.51.100.7'), 3)).toBe('198.51.100.7');
    expect(clientIp(headers(), 1)).toBe('unknown');
  });
});
