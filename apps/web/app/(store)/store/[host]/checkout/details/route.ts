import { postCheckoutDetails } from '../../../../../../src/store/checkout-routes.ts';

export const dynamic = 'force-dynamic';

/** Saves the buyer's contact and address (errors beside the fields otherwise). */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postCheckoutDetails(request, (await params).host);
}
