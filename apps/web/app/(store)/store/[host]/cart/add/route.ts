import { addToCart } from '../../../../../../src/store/cart-routes.ts';

export const dynamic = 'force-dynamic';

/** Adds a variant to the buyer's cart (the first add sets the cart cookie). Then 303 to /cart. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return addToCart(request, (await params).host);
}
