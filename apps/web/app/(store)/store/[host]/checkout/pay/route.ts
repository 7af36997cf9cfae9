import { postPayOrder } from '../../../../../../src/store/checkout-routes.ts';

export const dynamic = 'force-dynamic';

/** Sends the buyer to Stripe's payment page for their unpaid order. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postPayOrder(request, (await params).host);
}
