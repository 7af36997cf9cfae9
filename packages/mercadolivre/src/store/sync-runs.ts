import { randomUUID } from 'node:crypto';
import { Prisma, type MlSyncKind, type MlSyncResource, type MlSyncRun, type TenantClient } from '@vitrine/db';
import { enqueueInTransaction } from '@vitrine/queue';

export interface SyncRequest {
  tenantId: string;
  accountId: string;
  resource: MlSyncResource;
  kind: MlSyncKind;
  requestedBy?: string;
}

/** The active run finished between our insert attempt and our read: try again. */
class ActiveRunVanished extends Error {}

export const syncJobId = (runId: string) => `ml-sync-${runId}`;

/**
 * Starts a sync, or joins the one already queued or running for the same account and resource: the
 * partial unique index `ml_sync_runs_one_active_per_resource` decides, so two simultaneous requests
 * make one run. A new run's job is enqueued through the outbox in the same transaction.
 */
export async function createOrJoinSyncRun(tenantDb: TenantClient, request: SyncRequest): Promise<{ run: MlSyncRun; joined: boolean }> {
  return tenantDb.$scoped(async (tx) => {
    const id = `mlr_${randomUUID()}`;
    const inserted = await tx.$executeRaw(Prisma.sql`
      INSERT INTO ml_sync_runs (id, tenant_id, account_id, resource, kind, requested_by)
      VALUES (${id}, ${request.tenantId}, ${request.accountId}, ${request.resource}::"MlSyncResource", ${request.kind}::"MlSyncKind", ${request.requestedBy ?? null})
      ON CONFLICT (tenant_id, account_id, resource) WHERE status IN ('QUEUED', 'RUNNING') DO NOTHING`);
    if (inserted === 1) {
      await enqueueInTransaction(tx, {
        queue: 'mercadolivre',
        name: 'sync.run',
        payload: { tenantId: request.tenantId, runId: id },
        jobId: syncJobId(id),
        tenantId: request.tenantId,
      });
      return { run: await tx.mlSyncRun.findUniqueOrThrow({ where: { id } }), joined: false };
    }
    const active = await tx.mlSyncRun.findFirst({
      where: { accountId: request.accountId, resource: request.resource, status: { in: ['QUEUED', 'RUNNING'] } },
    });
    if (!active) throw new ActiveRunVanished();
    return { run: active, joined: true };
  }).catch(async (error: unknown) => {
    if (error instanceof ActiveRunVanished) return createOrJoinSyncRun(tenantDb, request);
    throw error;
  });
}
