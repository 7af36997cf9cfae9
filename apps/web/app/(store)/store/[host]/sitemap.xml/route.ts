import { errorResponse, storeCaller, textResponse } from '../../../../../src/store/respond.ts';
import { storeRequestOf } from '../../../../../src/store/request.ts';
import { sitemapEntries, sitemapXml } from '../../../../../src/store/seo.ts';

export const dynamic = 'force-dynamic';

/** The store's sitemap, on the host it was asked on. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  const req = storeRequestOf(request, (await params).host, '/sitemap.xml');
  try {
    const caller = await storeCaller(req.host);
    return textResponse(sitemapXml(req.origin, sitemapEntries(await caller.storefront.sitemap())), 'application/xml');
  } catch (error) {
    return errorResponse(error);
  }
}
