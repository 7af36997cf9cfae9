import { answerSignUp, postSignUp } from '../../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** The sign-up form. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return answerSignUp(request, (await params).host);
}

/** Creates the account at this store and signs in (sets the session cookie). Then 303 to /account. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postSignUp(request, (await params).host);
}
