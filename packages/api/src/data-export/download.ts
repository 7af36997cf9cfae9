import { TRPCError } from '@trpc/server';
import type { Database } from '@vitrine/db';
import type { ObjectStorage } from '@vitrine/media/storage';
import type { DataExportView } from './requests.ts';

/** What the download needs from the router's caller for the person's active store. */
export interface ExportCaller {
  dataExport: { get(input: { id: string }): Promise<DataExportView> };
}

export const EXPIRED_SENTENCE =
  'This export has expired: archives are kept for 7 days and then deleted. Ask for a new export in Settings → Data.';

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

const STATUS_OF: Partial<Record<TRPCError['code'], number>> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400 };

/**
 * The answer of GET /api/exports/<id>: the archive as an attachment, for a member of the export's store whose
 * role may export data (the router's `dataExport.get` decides: another store's export is not found, a role
 * without `data:export` is refused). Not ready yet → 409; past its 7 days → 410 with a sentence saying so.
 */
export async function downloadDataExport(caller: ExportCaller, db: Database, storage: ObjectStorage, id: string, now = new Date()): Promise<Response> {
  let found: DataExportView;
  try {
    found = await caller.dataExport.get({ id });
  } catch (error) {
    const status = error instanceof TRPCError ? STATUS_OF[error.code] : undefined;
    if (status) return text((error as TRPCError).message, status);
    throw error;
  }
  if (found.status !== 'DONE') return text('This export is not ready yet. The page shows its progress.', 409);
  if (found.expired || (found.expiresAt && found.expiresAt.getTime() <= now.getTime())) return text(EXPIRED_SENTENCE, 410);

  // The storage key never leaves the server: read it under the store's row-level security.
  const tdb = await db.forTenant(found.tenantId);
  const row = await tdb.dataExport.findFirst({ where: { id }, select: { storageKey: true, createdAt: true } });
  const object = row?.storageKey ? await storage.get(row.storageKey) : null;
  if (!row || !object) return text(EXPIRED_SENTENCE, 410);
  const name = `store-export-${row.createdAt.toISOString().slice(0, 10)}-${id}.zip`;
  return new Response(new Uint8Array(object.body), {
    headers: {
      'content-type': 'application/zip',
      'content-length': String(object.body.length),
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
