import { errorResponse, storeCaller, textResponse } from '../../../../../src/store/respond.ts';
import { storeRequestOf } from '../../../../../src/store/request.ts';
import { robotsTxt } from '../../../../../src/store/seo.ts';

export const dynamic = 'force-dynamic';

/** The store's robots.txt: everything but the buyer's own pages, and where the sitemap is. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  const req = storeRequestOf(request, (await params).host, '/robots.txt');
  try {
    // Only a store that is open answers (an unknown or closed store keeps its status).
    await (await storeCaller(req.host)).storefront.store();
    return textResponse(robotsTxt(req.origin), 'text/plain');
  } catch (error) {
    return errorResponse(error);
  }
}
