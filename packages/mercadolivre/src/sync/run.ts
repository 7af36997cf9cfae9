import { Prisma, type MlAccount, type MlSyncRun, type TenantClient } from '@vitrine/db';
import type { MlClient } from '../client/client.ts';
import { MlError, MlReconnectNeededError, isRetryable } from '../errors.ts';
import { PAGE_FETCHERS, type FetchedPage, type PageFetcher, type SyncCursor } from './resources.ts';

export interface RunSyncOptions {
  tenantDb: TenantClient;
  runId: string;
  clientFor: (account: MlAccount) => MlClient;
  /** True on the job's last attempt: a failure is then recorded on the run instead of retried. */
  lastAttempt: boolean;
  now?: () => number;
  /** Incremental runs re-read this much before the previous run started (clock skew, late writes). */
  overlapMs?: number;
}

export type RunSyncResult =
  | { outcome: 'succeeded'; processed: number; changed: number; pages: number }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'failed'; error: string };

/** Another job advanced the run's cursor first (a stalled job re-run while the first still ran). */
class LostRun extends Error {}

/**
 * Runs one ml_sync_runs row to completion, resuming from its saved cursor. Each page's rows and the
 * cursor after it commit in one transaction; the cursor update is a compare-and-set on the previous
 * cursor, so two jobs on the same run never both write a page. The next page is fetched while the
 * current one is written.
 */
export async function runSync(options: RunSyncOptions): Promise<RunSyncResult> {
  const { tenantDb, runId } = options;
  const now = options.now ?? Date.now;
  const run = await claim(tenantDb, runId);
  if (!run) return { outcome: 'skipped', reason: 'the run is finished or does not exist' };

  const account = await tenantDb.mlAccount.findUnique({ where: { id: run.accountId } });
  if (!account || account.status !== 'ACTIVE') {
    const error = account ? `The account is ${account.status === 'RECONNECT_NEEDED' ? 'waiting to be connected again' : 'disconnected'}.` : 'The account no longer exists.';
    await finish(tenantDb, runId, 'FAILED', error);
    return { outcome: 'failed', error };
  }

  let cursor = run.cursor as SyncCursor;
  const fetchPage = batched(PAGE_FETCHERS[run.resource]);
  const ctx = { client: options.clientFor(account), tenantDb, accountId: account.id, kind: run.kind, now };
  let processed = run.processed;
  let changed = 0;
  let pages = 0;
  try {
    if (cursor.since === undefined) {
      cursor = { since: await incrementalSince(tenantDb, run, options.overlapMs ?? 3_600_000) };
      await saveCursor(tenantDb, runId, run.cursor as SyncCursor, cursor);
    }
    let pending: Promise<FetchedPage> | null = fetchPage(cursor, ctx);
    while (pending) {
      const page: FetchedPage = await pending;
      // Prefetch: ML is the slow side; the next page is on its way while this one is written.
      const next = page.next;
      pending = next ? fetchPage(next, ctx) : null;
      pending?.catch(() => {});
      const previous = cursor;
      changed += await tenantDb.$scoped(async (tx) => {
        const rows = await page.store(tx);
        const moved = await tx.$executeRaw(Prisma.sql`
          UPDATE ml_sync_runs
             SET cursor = ${JSON.stringify(next ?? previous)}::jsonb, processed = processed + ${page.fetched},
                 total = COALESCE(${page.total ?? null}::int, total), heartbeat_at = now()
           WHERE id = ${runId} AND status = 'RUNNING' AND cursor = ${JSON.stringify(previous)}::jsonb`);
        if (moved !== 1) throw new LostRun();
        return rows;
      }, { timeout: 60_000 });
      processed += page.fetched;
      pages += 1;
      if (next) cursor = next;
    }
  } catch (error) {
    if (error instanceof LostRun) return { outcome: 'skipped', reason: 'another job is running this sync' };
    const message = describe(error);
    if (isPermanent(error) || options.lastAttempt) {
      await finish(tenantDb, runId, 'FAILED', message);
      return { outcome: 'failed', error: message };
    }
    // Still RUNNING with its cursor saved: the job's retry resumes from the last committed page.
    throw error;
  }

  await finish(tenantDb, runId, 'SUCCEEDED', null);
  await tenantDb.mlAccount.update({ where: { id: account.id }, data: { lastSyncedAt: new Date(now()) } });
  return { outcome: 'succeeded', processed, changed, pages };
}

/** Records written per transaction: several of ML's small pages commit together with their cursor. */
export const BATCH_RECORDS = 200;

/** Reads pages until a batch is full, the resource ends, or a page is empty; they store as one. */
function batched(fetchPage: PageFetcher): PageFetcher {
  return async (cursor, ctx) => {
    const pages: FetchedPage[] = [];
    let fetched = 0;
    let next: SyncCursor | null = cursor;
    while (next && fetched < BATCH_RECORDS) {
      const page = await fetchPage(next, ctx);
      pages.push(page);
      fetched += page.fetched;
      next = page.next;
      if (page.fetched === 0) break;
    }
    return {
      fetched,
      total: pages.at(-1)?.total,
      next,
      async store(tx) {
        let changed = 0;
        for (const page of pages) changed += await page.store(tx);
        return changed;
      },
    };
  };
}

async function claim(tenantDb: TenantClient, runId: string): Promise<MlSyncRun | null> {
  const claimed = await tenantDb.mlSyncRun.updateMany({
    where: { id: runId, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'RUNNING', heartbeatAt: new Date() },
  });
  if (claimed.count === 0) return null;
  const run = await tenantDb.mlSyncRun.findUniqueOrThrow({ where: { id: runId } });
  if (!run.startedAt) await tenantDb.mlSyncRun.update({ where: { id: runId }, data: { startedAt: run.heartbeatAt } });
  return run;
}

/** Backfills read everything (null); incremental runs read from the last successful run's start. */
async function incrementalSince(tenantDb: TenantClient, run: MlSyncRun, overlapMs: number): Promise<string | null> {
  if (run.kind === 'BACKFILL') return null;
  const last = await tenantDb.mlSyncRun.findFirst({
    where: { accountId: run.accountId, resource: run.resource, status: 'SUCCEEDED' },
    orderBy: { startedAt: 'desc' },
    select: { startedAt: true },
  });
  return last?.startedAt ? new Date(last.startedAt.getTime() - overlapMs).toISOString() : null;
}

async function saveCursor(tenantDb: TenantClient, runId: string, previous: SyncCursor, next: SyncCursor) {
  const moved = await tenantDb.$scopedRaw<{ id: string }[]>(Prisma.sql`
    UPDATE ml_sync_runs SET cursor = ${JSON.stringify(next)}::jsonb, heartbeat_at = now()
     WHERE id = ${runId} AND status = 'RUNNING' AND cursor = ${JSON.stringify(previous)}::jsonb
     RETURNING id`);
  if (moved.length !== 1) throw new LostRun();
}

async function finish(tenantDb: TenantClient, runId: string, status: 'SUCCEEDED' | 'FAILED', error: string | null) {
  await tenantDb.mlSyncRun.updateMany({
    where: { id: runId, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status, error, finishedAt: new Date(), heartbeatAt: new Date() },
  });
}

/** ML refused for good (4xx other than 429, a body we cannot read) or the seller must reconnect; anything else may pass. */
export const isPermanent = (error: unknown) =>
  error instanceof MlReconnectNeededError || (error instanceof MlError && !isRetryable(error));

function describe(error: unknown): string {
  if (error instanceof MlReconnectNeededError) return error.message;
  return error instanceof Error ? error.message.slice(0, 500) : String(error);
}
