import { answerListing } from '../../../../../src/store/listing-route.ts';

export const dynamic = 'force-dynamic';

/** The store's search: /search?q=…&category=…&price=…&o=Size:M&sort=…&page=… */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  return answerListing(request, (await params).host, { kind: 'search' });
}
