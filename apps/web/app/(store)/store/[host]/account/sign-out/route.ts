import { postSignOut } from '../../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** Revokes this session and clears its cookie. Then 303 to /account/sign-in. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postSignOut(request, (await params).host);
}
