import { TRPCError } from '@trpc/server';
import { adminCaller } from '../../../../../../src/admin/active-tenant.ts';
import { ordersMessages } from '../../../../../../src/i18n/messages/orders.ts';
import { requestLocale } from '../../../../../../src/i18n/request-locale.ts';
import { packingSlipPdf } from '../../../../../../src/orders/packing-slip-pdf.ts';
import { currentUser } from '../../../../../../src/server/auth.ts';

export const dynamic = 'force-dynamic';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * The order's packing slip as a PDF download, for members of the active store who may see its orders; an order of
 * another store is 404 like an order that does not exist.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!(await currentUser())) return text('Please sign in to print packing slips.', 401);
  const { caller } = await adminCaller();
  if (!caller) return text('There is no such order in this store.', 404);
  const { id } = await params;
  let slip;
  try {
    slip = await caller.orders.packingSlip({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) return text(error.message, 404);
    if (error instanceof TRPCError && error.code === 'FORBIDDEN') return text(error.message, 403);
    throw error;
  }
  const locale = await requestLocale();
  const pdf = await packingSlipPdf(slip, ordersMessages[locale], locale === 'pt-BR' ? 'pt-BR' : 'en-US');
  const body = pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength) as ArrayBuffer;
  return new Response(body, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="packing-slip-${slip.number}.pdf"`,
      'cache-control': 'private, no-store',
    },
  });
}
