import { answerAddresses, postAddressCreate } from '../../../../../../src/store/account-routes.ts';

export const dynamic = 'force-dynamic';

/** The buyer's addresses and the address form (?edit=<id> edits one). */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return answerAddresses(request, (await params).host);
}

/** Adds an address. */
export async function POST(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return postAddressCreate(request, (await params).host);
}
