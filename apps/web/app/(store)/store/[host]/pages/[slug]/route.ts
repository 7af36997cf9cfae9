import { errorResponse, htmlResponse, openStorePage, pageAddresses, storeAnswer } from '../../../../../../src/store/respond.ts';
import { storeInstitutionalPage, type StoreLook } from '../../../../../../src/store/pages.ts';

export const dynamic = 'force-dynamic';

/** One of the store's institutional pages (about, returns, privacy, custom), at /pages/<slug>. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string; slug: string }> }) {
  const { host, slug: rawSlug } = await params;
  const slug = decodeURIComponent(rawSlug);
  let look: StoreLook | undefined;
  try {
    const page = await openStorePage(request, host, `/pages/${encodeURIComponent(slug)}`);
    look = page.look;
    const content = await page.caller.storefront.page({ slug });
    return storeAnswer(page, htmlResponse(storeInstitutionalPage(page.look, content, pageAddresses(page))));
  } catch (error) {
    return errorResponse(error, look);
  }
}
