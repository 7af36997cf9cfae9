import { removeCartCoupon } from '../../../../../../../src/store/cart-routes.ts';

export const dynamic = 'force-dynamic';

/** Takes the coupon off the cart. Then 303 to /cart. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return removeCartCoupon(request, (await params).host);
}
