import { postAddressRemove } from '../../../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** Removes one of the buyer's addresses. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postAddressRemove(request, (await params).host);
}
