import { postPlaceOrder } from '../../../../../../src/store/checkout-routes.ts';

export const dynamic = 'force-dynamic';

/** Places the order, then sends the buyer to Stripe's payment page. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postPlaceOrder(request, (await params).host);
}
