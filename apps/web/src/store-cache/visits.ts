/**
 * Visits to store pages answered from the cache (front and product pages), counted in memory by the front server
 * (server.ts) and written by the flusher, so a cache hit costs no database write.
 */
const visits = new Map<string, number>();

export function countCachedVisit(tenantId: string): void {
  visits.set(tenantId, (visits.get(tenantId) ?? 0) + 1);
}

export type VisitWriter = (tenantId: string, visits: number) => Promise<void>;

/** Writes the counted visits every `everyMs`. */
export function startVisitFlusher(write: VisitWriter, everyMs = 5_000): NodeJS.Timeout {
  const timer = setInterval(() => void flushVisits(write), everyMs);
  timer.unref();
  return timer;
}

/** Writes what was counted so far; a failed write puts its visits back to be written next time, so none is lost. */
export async function flushVisits(write: VisitWriter): Promise<void> {
  const batch = [...visits.entries()];
  visits.clear();
  await Promise.all(
    batch.map(async ([tenantId, count]) => {
      try {
        await write(tenantId, count);
      } catch {
        visits.set(tenantId, (visits.get(tenantId) ?? 0) + count);
      }
    }),
  );
}
