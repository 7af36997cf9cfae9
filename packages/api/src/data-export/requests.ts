import type { Prisma } from '@vitrine/db';
import { enqueueInTransaction } from '@vitrine/queue';
import { audit, memberActor } from '../audit.ts';
import { conflict, isUniqueViolation, notFound } from '../errors.ts';
import type { TenantContext } from '../trpc.ts';

/** How long an archive can be downloaded; the worker deletes it afterwards. */
export const EXPORT_TTL_MS = 7 * 86_400_000;

export type DataExportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export const EXPORT_NOT_FOUND = 'This export does not exist in your store.';
const ALREADY_RUNNING = 'An export of this store is already being prepared. Wait for it to finish before asking for another one.';

export interface DataExportView {
  id: string;
  tenantId: string;
  status: DataExportStatus;
  progress: { done: number; total: number };
  sizeBytes: number | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date | null;
  /** Its 7 days are over (or its archive is gone): it can no longer be downloaded. */
  expired: boolean;
  /** Where the admin downloads it (while DONE and not expired). */
  downloadPath: string | null;
}

const VIEW = {
  id: true, tenantId: true, status: true, progressDone: true, progressTotal: true, sizeBytes: true, error: true, storageKey: true,
  createdAt: true, finishedAt: true, expiresAt: true,
} as const;

type Row = Prisma.DataExportGetPayload<{ select: typeof VIEW }>;

export function isExpired(row: { status: string; expiresAt: Date | null; storageKey: string | null }, now = new Date()): boolean {
  return row.status === 'DONE' && (row.storageKey === null || (row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime()));
}

function view(row: Row): DataExportView {
  const expired = isExpired(row);
  return {
    id: row.id,
    tenantId: row.tenantId,
    status: row.status as DataExportStatus,
    progress: { done: row.progressDone, total: row.progressTotal },
    sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes),
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    expiresAt: row.expiresAt,
    expired,
    downloadPath: row.status === 'DONE' && !expired ? `/api/exports/${row.id}` : null,
  };
}

/** Queues an export of the whole store; refused while another one is queued or running (one at a time). */
export async function requestDataExport(ctx: TenantContext): Promise<DataExportView> {
  const tenantId = ctx.tenant.id;
  return ctx.tdb
    .$scoped(async (tx) => {
      const inProgress = await tx.dataExport.findFirst({ where: { status: { in: ['QUEUED', 'RUNNING'] } }, select: { id: true } });
      if (inProgress) throw conflict(ALREADY_RUNNING);
      const row = await tx.dataExport.create({ data: { tenantId, status: 'QUEUED', requestedByUserId: ctx.user.id }, select: VIEW });
      await enqueueInTransaction(tx, {
        queue: 'exports',
        name: 'data.export',
        payload: { tenantId, exportId: row.id },
        jobId: `data-export-${row.id}`,
        tenantId,
      });
      await audit(tx, memberActor(ctx), { tenantId, action: 'data.export.requested', targetType: 'data_export', targetId: row.id });
      return view(row);
    })
    .catch((error: unknown) => {
      // Two requests at the same moment: the partial unique index lets one through.
      if (isUniqueViolation(error)) throw conflict(ALREADY_RUNNING);
      throw error;
    });
}

export async function listDataExports(ctx: TenantContext): Promise<DataExportView[]> {
  const rows = await ctx.tdb.dataExport.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 20, select: VIEW });
  return rows.map(view);
}

export async function getDataExport(ctx: TenantContext, input: { id: string }): Promise<DataExportView> {
  const row = await ctx.tdb.dataExport.findFirst({ where: { id: input.id }, select: VIEW });
  if (!row) throw notFound(EXPORT_NOT_FOUND);
  return view(row);
}
