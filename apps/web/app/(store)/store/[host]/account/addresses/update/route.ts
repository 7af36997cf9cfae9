import { postAddressUpdate } from '../../../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** Changes one of the buyer's addresses. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postAddressUpdate(request, (await params).host);
}
