import type { LocalStore } from '../store/store.ts';
import { RESOURCES, type Resource } from '../store/types.ts';
import type { Transport } from './transport.ts';

export interface SyncOptions {
  /** What to pull, in this order (default: all). */
  resources?: readonly Resource[];
  /** Items per page (the feed allows 1–500). */
  pageSize?: number;
  /** Called before each resource and after each page: the resource, resources finished, their number, items so far. */
  onProgress?: (progress: { resource: Resource; done: number; total: number; items: number }) => void;
}

export interface SyncCounts {
  /** Pages and items received per resource (a repeated item counts again; the store writes it only when it changed). */
  resources: Partial<Record<Resource, { pages: number; items: number }>>;
  pages: number;
  items: number;
}

/**
 * Pulls each resource from its saved cursor, page by page until the feed says `hasMore: false`; each page is
 * applied with its cursor in one transaction, so a sync cut short resumes where it stopped. Offline, the first
 * call fails with OfflineError before anything is written.
 */
export async function syncOnce(store: LocalStore, transport: Transport, options: SyncOptions = {}): Promise<SyncCounts> {
  const resources = options.resources ?? RESOURCES;
  const pageSize = options.pageSize ?? 200;
  const counts: SyncCounts = { resources: {}, pages: 0, items: 0 };
  const report = (resource: Resource, done: number) => options.onProgress?.({ resource, done, total: resources.length, items: counts.items });
  for (const [index, resource] of resources.entries()) {
    report(resource, index);
    const mine = { pages: 0, items: 0 };
    counts.resources[resource] = mine;
    let cursor = await store.cursor(resource);
    // A feed that keeps saying hasMore with the same cursor would otherwise loop forever.
    for (;;) {
      const page = await transport.changes(resource, cursor, pageSize);
      await store.applyChanges(resource, page.items, page.nextCursor);
      mine.pages += 1;
      mine.items += page.items.length;
      counts.pages += 1;
      counts.items += page.items.length;
      report(resource, index);
      if (!page.hasMore || page.nextCursor === cursor) break;
      cursor = page.nextCursor;
    }
  }
  return counts;
}
