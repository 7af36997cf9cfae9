/** A stored page: what the store route answered, as bytes ready to send again. */
export interface CachedPage {
  tenantId: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  storedAt: number;
  /** A page whose views count as store visits (the front page and product pages): hits are counted too. */
  countsVisit?: boolean;
}

export interface PageCacheOptions {
  /** Total body bytes kept; the least recently used pages leave first. */
  maxBytes: number;
  /** A safety net only (changes are announced): a page older than this is rendered again. */
  maxAgeMs: number;
  now?: () => number;
}

/**
 * Store pages kept in this process, by key (host, path, language), indexed by store so that one store's change drops
 * exactly that store's pages. Least recently used first out when over the byte budget.
 */
export class PageCache {
  readonly #pages = new Map<string, CachedPage>();
  readonly #keysByTenant = new Map<string, Set<string>>();
  #bytes = 0;
  readonly #now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#pages.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): CachedPage | undefined {
    const page = this.#pages.get(key);
    if (!page) return undefined;
    if (this.#now() - page.storedAt > this.options.maxAgeMs) {
      this.#remove(key);
      return undefined;
    }
    // Map order is the recency order: move the page to the end.
    this.#pages.delete(key);
    this.#pages.set(key, page);
    return page;
  }

  set(key: string, page: Omit<CachedPage, 'storedAt'>): void {
    if (page.body.length > this.options.maxBytes) return;
    this.#remove(key);
    this.#pages.set(key, { ...page, storedAt: this.#now() });
    this.#bytes += page.body.length;
    let keys = this.#keysByTenant.get(page.tenantId);
    if (!keys) this.#keysByTenant.set(page.tenantId, (keys = new Set()));
    keys.add(key);
    for (const oldest of this.#pages.keys()) {
      if (this.#bytes <= this.options.maxBytes) break;
      this.#remove(oldest);
    }
  }

  /** Drops every page of one store. */
  dropTenant(tenantId: string): void {
    for (const key of this.#keysByTenant.get(tenantId) ?? []) this.#remove(key);
    this.#keysByTenant.delete(tenantId);
  }

  clear(): void {
    this.#pages.clear();
    this.#keysByTenant.clear();
    this.#bytes = 0;
  }

  #remove(key: string): void {
    const page = this.#pages.get(key);
    if (!page) return;
    this.#pages.delete(key);
    this.#bytes -= page.body.length;
    const keys = this.#keysByTenant.get(page.tenantId);
    keys?.delete(key);
    if (keys?.size === 0) this.#keysByTenant.delete(page.tenantId);
  }
}
