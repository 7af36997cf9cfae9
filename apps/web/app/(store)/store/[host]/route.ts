import { errorResponse, htmlResponse, openStorePage, pageAddresses, storeAnswer } from '../../../../src/store/respond.ts';
import { storeHomePage, type StoreLook } from '../../../../src/store/pages.ts';

export const dynamic = 'force-dynamic';

/** A store's front page (Route Handler so that 402/403/410 keep their real status). */
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  const { host } = await params;
  let look: StoreLook | undefined;
  try {
    const page = await openStorePage(request, host, '/');
    look = page.look;
    const home = await page.caller.storefront.home();
    // The visit is counted once the store is known to be open (a refused store throws first).
    await page.caller.storefront.recordVisit();
    const html = storeHomePage(
      page.look,
      home.products.items,
      home.seo.description,
      { categories: home.categories, collections: home.collections },
      { ...pageAddresses(page), description: home.seo.description },
    );
    return storeAnswer(page, htmlResponse(html), { countsVisit: true });
  } catch (error) {
    return errorResponse(error, look);
  }
}
