import { answerSignIn, postSignIn } from '../../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** The sign-in form. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return answerSignIn(request, (await params).host);
}

/** Signs in (rate-limited); sets the session cookie. Then 303 to /account. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postSignIn(request, (await params).host);
}
