import { Prisma, type MlSyncKind, type MlSyncResource, type MlSyncStatus, type TenantDb } from '@vitrine/db';
import { createOrJoinSyncRun } from '@vitrine/mercadolivre/store';
import { audit, memberActor } from '../../audit.ts';
import { TRPCErrorWith } from '../../errors.ts';
import type { TenantContext } from '../../trpc.ts';
import { SYNC_RESOURCES, type StartSyncInput, type SyncProgressInput } from './inputs.ts';
import { findAccount } from './shared.ts';

export interface RunView {
  id: string;
  accountId: string;
  resource: MlSyncResource;
  kind: MlSyncKind;
  status: MlSyncStatus;
  processed: number;
  total: number | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  heartbeatAt: Date | null;
  finishedAt: Date | null;
}

const NOT_ACTIVE: Record<string, string> = {
  RECONNECT_NEEDED: 'This Mercado Livre account must be reconnected before it can sync.',
  DISCONNECTED: 'This Mercado Livre account is disconnected. Connect it again to sync.',
};

/** Starts (or joins the one already queued or running) a sync per resource; the worker does the work. */
export async function startSync(ctx: TenantContext, input: StartSyncInput) {
  const account = await findAccount(ctx, input.accountId);
  if (account.status !== 'ACTIVE') {
    throw TRPCErrorWith('PRECONDITION_FAILED', NOT_ACTIVE[account.status] ?? 'This Mercado Livre account cannot sync right now.');
  }
  const resources = input.resources ? [...new Set(input.resources)] : [...SYNC_RESOURCES];
  const runs: { runId: string; resource: MlSyncResource; joined: boolean }[] = [];
  for (const resource of resources) {
    const { run, joined } = await createOrJoinSyncRun(ctx.tdb, {
      tenantId: ctx.tenant.id,
      accountId: account.id,
      resource,
      kind: input.kind,
      requestedBy: ctx.user.id,
    });
    runs.push({ runId: run.id, resource, joined });
  }
  await ctx.tdb.$scoped((tx) =>
    audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'mercadolivre.sync.requested',
      targetType: 'ml_account',
      targetId: account.id,
      data: { kind: input.kind, runs: runs.map((r) => ({ runId: r.runId, resource: r.resource, joined: r.joined })) },
    }),
  );
  return runs;
}

interface RunRow {
  id: string;
  account_id: string;
  resource: MlSyncResource;
  kind: MlSyncKind;
  status: MlSyncStatus;
  processed: number;
  total: number | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  heartbeat_at: Date | null;
  finished_at: Date | null;
}

/** The latest run per (account, resource), read along the (tenant, account, resource, created_at) index. */
export async function latestRuns(tdb: TenantDb, accountId?: string): Promise<RunView[]> {
  const rows = await tdb.$scopedRaw<RunRow[]>(Prisma.sql`
    SELECT DISTINCT ON (account_id, resource)
      id, account_id, resource, kind, status, processed, total, error, created_at, started_at, heartbeat_at, finished_at
    FROM ml_sync_runs
    WHERE ${accountId ? Prisma.sql`account_id = ${accountId}` : Prisma.sql`TRUE`}
    ORDER BY account_id, resource, created_at DESC, id DESC`);
  return rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    resource: r.resource,
    kind: r.kind,
    status: r.status,
    processed: r.processed,
    total: r.total,
    error: r.error,
    createdAt: r.created_at,
    startedAt: r.started_at,
    heartbeatAt: r.heartbeat_at,
    finishedAt: r.finished_at,
  }));
}

export async function syncProgress(ctx: TenantContext, input: SyncProgressInput): Promise<RunView[]> {
  if (input.accountId) await findAccount(ctx, input.accountId);
  return latestRuns(ctx.tdb, input.accountId);
}
