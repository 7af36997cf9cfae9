import { postCheckoutShipping } from '../../../../../../src/store/checkout-routes.ts';

export const dynamic = 'force-dynamic';

/** Chooses another shipping option. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postCheckoutShipping(request, (await params).host);
}
