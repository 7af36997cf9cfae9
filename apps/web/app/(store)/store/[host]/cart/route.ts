import { answerCart } from '../../../../../src/store/cart-routes.ts';

export const dynamic = 'force-dynamic';

/** The buyer's cart: lines, quantities, coupon and totals from the server. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return answerCart(request, (await params).host);
}
