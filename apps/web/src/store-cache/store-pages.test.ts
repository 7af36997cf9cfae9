import { describe, expect, it } from 'vitest';
import { keepStorePage, listenerConnected, renderTicket, storeChanged, storePages } from './store-pages.ts';

const page = (tenantId: string) => ({ tenantId, status: 200, headers: { 'content-type': 'text/html' }, body: Buffer.from(`page of ${tenantId}`) });

describe('keeping rendered store pages', () => {
  // No database URL: the registry without a listener, driven by hand as the listener would.
  const pages = storePages(undefined);

  it('keeps nothing until the front server serves and the listener is connected', () => {
    expect(keepStorePage('k0', renderTicket(), page('A'))).toBe(false);
    pages.serving = true;
    expect(keepStorePage('k0', renderTicket(), page('A'))).toBe(false);
    listenerConnected(pages);
    expect(keepStorePage('k0', renderTicket(), page('A'))).toBe(true);
    expect(pages.cache.get('k0')?.tenantId).toBe('A');
  });

  it("refuses a page whose store changed while it was rendered, and keeps other stores' pages", () => {
    const ticket = renderTicket();
    storeChanged(pages, 'A');
    expect(keepStorePage('a-stale', ticket, page('A'))).toBe(false);
    expect(keepStorePage('b-fresh', ticket, page('B'))).toBe(true);
    expect(keepStorePage('a-fresh', renderTicket(), page('A'))).toBe(true);
  });

  it('drops the changed store’s pages at once', () => {
    storeChanged(pages, 'A');
    expect(pages.cache.get('a-fresh')).toBeUndefined();
    expect(pages.cache.get('b-fresh')?.tenantId).toBe('B');
  });

  it('refuses pages rendered before a reconnection, when changes may have been missed', () => {
    const ticket = renderTicket();
    listenerConnected(pages);
    expect(pages.cache.size).toBe(0);
    expect(keepStorePage('b-old', ticket, page('B'))).toBe(false);
    expect(keepStorePage('b-new', renderTicket(), page('B'))).toBe(true);
  });
});
