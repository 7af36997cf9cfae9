import { answerCheckout } from '../../../../../src/store/checkout-routes.ts';

export const dynamic = 'force-dynamic';

/** Checkout: contact and address, then shipping options, totals from the server and "Pay". */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return answerCheckout(request, (await params).host);
}
