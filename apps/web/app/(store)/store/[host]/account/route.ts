import { answerOverview } from '../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** The buyer's account: who is signed in, the email confirmation reminder and the order history. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return answerOverview(request, (await params).host);
}
