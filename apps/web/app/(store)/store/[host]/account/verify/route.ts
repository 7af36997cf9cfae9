import { answerVerify, postVerify } from '../../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** The verification link's page (?token=): a button confirms the email. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return answerVerify(request, (await params).host);
}

/** Confirms the email with the link's token. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postVerify(request, (await params).host);
}
