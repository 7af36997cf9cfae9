import { postResendVerification } from '../../../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** Sends the verification email again. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postResendVerification(request, (await params).host);
}
