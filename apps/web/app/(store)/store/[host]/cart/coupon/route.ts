import { applyCartCoupon } from '../../../../../../src/store/cart-routes.ts';

export const dynamic = 'force-dynamic';

/** Applies a coupon to the cart (a refusal comes back beside the field). Then 303 to /cart. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return applyCartCoupon(request, (await params).host);
}
