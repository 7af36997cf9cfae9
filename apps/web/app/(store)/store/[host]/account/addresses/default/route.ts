import { postAddressDefault } from '../../../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** Makes one of the buyer's addresses the default. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postAddressDefault(request, (await params).host);
}
