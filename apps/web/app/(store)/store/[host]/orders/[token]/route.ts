import { answerTracking } from '../../../../../../src/store/checkout-routes.ts';

export const dynamic = 'force-dynamic';

/** The buyer's tracking page, by the token in their order link. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string; token: string }> }) {
  const { host, token } = await params;
  return answerTracking(request, host, token);
}
