import { answerReset, postReset } from '../../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** The reset link's page (?token=): the new password. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return answerReset(request, (await params).host);
}

/** Sets the new password with the link's token (sessions revoked). */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postReset(request, (await params).host);
}
