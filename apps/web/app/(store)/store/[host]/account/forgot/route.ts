import { answerForgot, postForgot } from '../../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** "Forgot your password?": asks for the email. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return answerForgot(request, (await params).host);
}

/** Sends the reset link (same answer whether or not the email has an account). */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postForgot(request, (await params).host);
}
