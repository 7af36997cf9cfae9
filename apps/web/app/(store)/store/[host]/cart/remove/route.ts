import { removeCartLine } from '../../../../../../src/store/cart-routes.ts';

export const dynamic = 'force-dynamic';

/** Removes a line from the cart. Then 303 to /cart. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return removeCartLine(request, (await params).host);
}
