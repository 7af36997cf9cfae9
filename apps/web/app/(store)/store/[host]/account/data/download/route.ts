import { downloadMyData } from '../../../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** The buyer's data (account, addresses, orders) as a JSON file. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return downloadMyData(request, (await params).host);
}
