import { postDeleteMyData } from '../../../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** Deletes the account with the password and confirmation; orders are anonymised. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postDeleteMyData(request, (await params).host);
}
