import { answerMyData } from '../../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** "My data": download the JSON, delete the account. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return answerMyData(request, (await params).host);
}
