import { Prisma, type Database, type MlSyncResource } from '@vitrine/db';
import { enqueueInTransaction } from '@vitrine/queue';
import { MlReconnectNeededError } from '../errors.ts';
import type { MlServices } from '../services.ts';
import { createOrJoinSyncRun } from '../store/sync-runs.ts';

/** Resources read every 30 minutes; items (a full scan) once a day. */
export const INCREMENTAL_RESOURCES: MlSyncResource[] = ['ORDERS', 'QUESTIONS', 'SHIPMENTS', 'MESSAGES'];
const ITEMS_EVERY_MS = 24 * 3_600_000;
/** A running run whose heartbeat is older than this lost its job (not just its worker): it is queued again. */
export const STALLED_AFTER_MS = 15 * 60_000;

/** Tenants with at least one connected account (ml_account_routes lists exactly those). */
async function connectedTenants(db: Database): Promise<string[]> {
  const rows = await db.platform.mlAccountRoute.findMany({ distinct: ['tenantId'], select: { tenantId: true } });
  return rows.map((row) => row.tenantId);
}

/** Which stores the scheduled work may touch; the caller decides (this package cannot see plans or modules). */
export interface StoreFilter {
  /** False for a store whose work is skipped this time (its Mercado Livre module is off). Default: every store. */
  storeAllowed?: (tenantId: string) => Promise<boolean>;
}

/**
 * An incremental run per resource for every active account (joining any run already queued or
 * running), and a new job for runs whose job vanished. Stores refused by `storeAllowed` get neither
 * and are counted in `skipped`. Returns what it did.
 */
export async function scheduleSyncs(
  db: Database,
  now = Date.now(),
  { storeAllowed }: StoreFilter = {},
): Promise<{ started: number; joined: number; resumed: number; skipped: number }> {
  let started = 0;
  let joined = 0;
  let resumed = 0;
  let skipped = 0;
  for (const tenantId of await connectedTenants(db)) {
    if (storeAllowed && !(await storeAllowed(tenantId))) {
      // Its stalled runs stay as they are: the first schedule after the store is allowed again resumes them.
      skipped += 1;
      continue;
    }
    const tdb = await db.forTenant(tenantId);
    const accounts = await tdb.mlAccount.findMany({ where: { status: 'ACTIVE' }, select: { id: true } });
    for (const account of accounts) {
      const lastItems = await tdb.mlSyncRun.findFirst({
        where: { accountId: account.id, resource: 'ITEMS', status: { in: ['SUCCEEDED', 'QUEUED', 'RUNNING'] } },
        orderBy: { createdAt: 'desc' },
        select: { createdAt: true },
      });
      const resources = !lastItems || now - lastItems.createdAt.getTime() > ITEMS_EVERY_MS ? [...INCREMENTAL_RESOURCES, 'ITEMS' as const] : INCREMENTAL_RESOURCES;
      for (const resource of resources) {
        const result = await createOrJoinSyncRun(tdb, { tenantId, accountId: account.id, resource, kind: 'INCREMENTAL', requestedBy: 'schedule' });
        if (result.joined) joined += 1;
        else started += 1;
      }
    }
    resumed += await resumeStalledRuns(db, tenantId, now);
  }
  return { started, joined, resumed, skipped };
}

/** Runs still QUEUED or RUNNING with no sign of life get a fresh job; their cursor makes it resume. */
export async function resumeStalledRuns(db: Database, tenantId: string, now = Date.now()): Promise<number> {
  const tdb = await db.forTenant(tenantId);
  const cutoff = new Date(now - STALLED_AFTER_MS);
  return tdb.$scoped(async (tx) => {
    const stalled = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
      UPDATE ml_sync_runs SET heartbeat_at = now()
       WHERE status IN ('QUEUED', 'RUNNING') AND COALESCE(heartbeat_at, created_at) < ${cutoff}
       RETURNING id`);
    for (const run of stalled) {
      await enqueueInTransaction(tx, {
        queue: 'mercadolivre',
        name: 'sync.run',
        payload: { tenantId, runId: run.id },
        jobId: `ml-sync-${run.id}-resume-${now}`,
        tenantId,
      });
    }
    return stalled.length;
  });
}

/**
 * Refreshes every connected account whose access token expires within `aheadMinutes`, one at a time
 * (each through the per-account lock). An account whose grant is gone is marked by the token manager.
 * Stores refused by `storeAllowed` are counted in `skipped`; a token they let expire is refreshed on its
 * next use, once the store is allowed again.
 */
export async function refreshDueTokens(db: Database, ml: MlServices, aheadMinutes: number, now = Date.now(), { storeAllowed }: StoreFilter = {}) {
  let refreshed = 0;
  let reconnect = 0;
  let failed = 0;
  let skipped = 0;
  for (const tenantId of await connectedTenants(db)) {
    if (storeAllowed && !(await storeAllowed(tenantId))) {
      skipped += 1;
      continue;
    }
    const tdb = await db.forTenant(tenantId);
    const due = await tdb.mlToken.findMany({
      where: { expiresAt: { lt: new Date(now + aheadMinutes * 60_000) }, account: { status: 'ACTIVE' } },
      select: { accountId: true },
    });
    const tokens = ml.tokensFor(tdb);
    for (const { accountId } of due) {
      try {
        await tokens.refresh(accountId, { force: true });
        refreshed += 1;
      } catch (error) {
        if (error instanceof MlReconnectNeededError) reconnect += 1;
        else failed += 1;
      }
    }
  }
  return { refreshed, reconnect, failed, skipped };
}

/** Deletes handled notifications older than `olderThanDays`; dead-lettered ones stay for the admin. */
export async function pruneNotifications(db: Database, olderThanDays: number, now = Date.now()): Promise<number> {
  let deleted = 0;
  const cutoff = new Date(now - olderThanDays * 86_400_000);
  const tenants = await db.platform.tenant.findMany({ select: { id: true } });
  for (const { id } of tenants) {
    const tdb = await db.forTenant(id);
    const { count } = await tdb.mlNotification.deleteMany({ where: { status: { in: ['PROCESSED', 'IGNORED'] }, receivedAt: { lt: cutoff } } });
    deleted += count;
  }
  return deleted;
}
