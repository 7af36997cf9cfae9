import { listenStorefrontChanges, type StorefrontChangeListener } from '@vitrine/db';
import { PageCache, type CachedPage } from './page-cache.ts';

/**
 * The process's cache of rendered store pages. It lives on globalThis under a registered symbol because two copies
 * of this module run in one process: the one bundled into Next's store routes (which fill the cache) and the one the
 * front server (server.ts) loads (which answers hits before Next is involved).
 */
export interface StorePages {
  cache: PageCache;
  /** True while the change listener is connected: pages are only stored while changes can be heard. */
  listening: boolean;
  listener: StorefrontChangeListener | null;
  /** True once the front server (server.ts) answers hits: under plain `next start` nothing is stored. */
  serving: boolean;
  /** Counts every announcement (and every reconnection); `changedAt` keeps, per store, the count at its last change. */
  sequence: number;
  changedAt: Map<string, number>;
  /** The count at the last (re)connection of the listener. */
  resetAt: number;
}

const KEY = Symbol.for('vitrine.storePages');
const registry = globalThis as unknown as Record<symbol, StorePages | undefined>;

/** 64 MB of pages by default; a page is rendered again after 10 minutes even when nothing was announced. */
const MAX_BYTES = Number(process.env.STORE_PAGE_CACHE_BYTES ?? 64 * 1024 * 1024);
const MAX_AGE_MS = 10 * 60 * 1000;

/** Creates the cache and its change listener (the front server, once, before it answers anything). */
export function storePages(databaseUrl: string | undefined = process.env.APP_DATABASE_URL): StorePages {
  let pages = registry[KEY];
  if (pages) return pages;
  pages = {
    cache: new PageCache({ maxBytes: MAX_BYTES, maxAgeMs: MAX_AGE_MS }),
    listening: false,
    listener: null,
    serving: false,
    sequence: 0,
    changedAt: new Map(),
    resetAt: 0,
  };
  registry[KEY] = pages;
  const current = pages;
  if (databaseUrl) {
    current.listener = listenStorefrontChanges(databaseUrl, {
      changed: (tenantId) => storeChanged(current, tenantId),
      reset: () => listenerConnected(current),
      lost: () => {
        current.listening = false;
        current.cache.clear();
      },
    });
  }
  return pages;
}

/** A store's data changed: its pages go, and pages of it still being rendered from older data will not be kept. */
export function storeChanged(pages: StorePages, tenantId: string): void {
  pages.sequence += 1;
  pages.changedAt.set(tenantId, pages.sequence);
  pages.cache.dropTenant(tenantId);
}

/** Connected (again): whatever was announced meanwhile is unknown, so nothing rendered before counts. */
export function listenerConnected(pages: StorePages): void {
  pages.sequence += 1;
  pages.resetAt = pages.sequence;
  pages.changedAt.clear();
  pages.cache.clear();
  pages.listening = true;
}

/** Taken when a store request starts: a page rendered from data read after this point may be kept. */
export function renderTicket(): number {
  return registry[KEY]?.sequence ?? -1;
}

/**
 * Keeps a page a store route rendered, when the front server answers from the cache, changes are being heard, and no
 * change to that store (nor a reconnection) was announced since the request started: a page read from data older than
 * an announced change is never stored.
 */
export function keepStorePage(key: string, ticket: number, page: Omit<CachedPage, 'storedAt'>): boolean {
  const pages = registry[KEY];
  if (!pages?.serving || !pages.listening || ticket < 0) return false;
  if ((pages.changedAt.get(page.tenantId) ?? 0) > ticket) return false;
  if (pages.resetAt > ticket) return false;
  pages.cache.set(key, page);
  return true;
}
