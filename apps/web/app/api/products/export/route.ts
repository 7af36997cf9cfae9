import { TRPCError } from '@trpc/server';
import { csvOf, xlsxOf } from '@vitrine/api/product-io';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';

const PAGE = 500;

/**
 * The active store's catalog as a CSV or Excel file (the columns the import reads), for a member with the
 * catalog permission. Read page by page through the same procedure the API exposes (productIo.exportPage).
 */
export async function GET(request: Request) {
  const format = new URL(request.url).searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  const { caller, active } = await adminCaller();
  if (!caller) return new Response('Sign in and choose a store first.', { status: 401 });
  const rows: string[][] = [];
  try {
    let after: string | undefined;
    do {
      const page = await caller.productIo.exportPage({ limit: PAGE, ...(after ? { after } : {}) });
      rows.push(...page.rows);
      after = page.next ?? undefined;
    } while (after);
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHORIZED')) {
      return new Response(error.message, { status: error.code === 'FORBIDDEN' ? 403 : 401 });
    }
    throw error;
  }
  const name = `products-${active?.slug ?? 'store'}-${new Date().toISOString().slice(0, 10)}.${format}`;
  const headers = { 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' };
  if (format === 'xlsx') {
    const body = await xlsxOf(rows);
    return new Response(new Uint8Array(body), { headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
  }
  return new Response(`\uFEFF${csvOf(rows, true)}`, { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
}
