import { answerListing } from '../../../../../../src/store/listing-route.ts';

export const dynamic = 'force-dynamic';

/** A collection's products, with the search's facets, sort and paging. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string; slug: string }> }) {
  const { host, slug } = await params;
  return answerListing(request, host, { kind: 'collection', slug: decodeURIComponent(slug) });
}
