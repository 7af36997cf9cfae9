import { updateCartLine } from '../../../../../../src/store/cart-routes.ts';

export const dynamic = 'force-dynamic';

/** Changes a line's quantity (0 removes it). Then 303 to /cart. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return updateCartLine(request, (await params).host);
}
