import { answerListing } from '../../../../../../src/store/listing-route.ts';

export const dynamic = 'force-dynamic';

/** A category's products (and its subcategories'), with the search's facets, sort and paging. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string; slug: string }> }) {
  const { host, slug } = await params;
  return answerListing(request, host, { kind: 'category', slug: decodeURIComponent(slug) });
}
