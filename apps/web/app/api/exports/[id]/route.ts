import { downloadDataExport } from '@vitrine/api/data-export';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';
import { currentUser } from '../../../../src/server/auth.ts';
import { getDb } from '../../../../src/server/db.ts';
import { getStorage } from '../../../../src/server/storage.ts';

/**
 * A store's "data rights" archive, for a member of the active store whose role may export its data (OWNER,
 * ADMIN). Another store's export is not found (404), a role without the permission is refused (403), an
 * archive past its 7 days answers 410 with a sentence saying so.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const plain = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  if (!(await currentUser())) return plain('Sign in to download this export.', 401);
  const { caller } = await adminCaller();
  if (!caller) return plain('This export does not exist in your store.', 404);
  return downloadDataExport(caller, getDb(), getStorage(), id);
}
