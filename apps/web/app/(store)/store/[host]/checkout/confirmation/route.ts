import { answerConfirmation } from '../../../../../../src/store/checkout-routes.ts';

export const dynamic = 'force-dynamic';

/** The order's confirmation (Stripe's success_url): its number and status, waiting → paid. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return answerConfirmation(request, (await params).host);
}
