import { errorResponse, htmlResponse, storeCaller } from '../../../../src/store/respond.ts';
import { storeHomePage } from '../../../../src/store/pages.ts';

export const dynamic = 'force-dynamic';

/** A store's front page (Route Handler so that 402/403/410 keep their real status). */
export async function GET(_req: Request, { params }: { params: Promise<{ host: string }> }) {
  const { host } = await params;
  try {
    const caller = await storeCaller(decodeURIComponent(host));
    const home = await caller.storefront.home();
    const look = { name: home.store.name, locale: home.store.locale, primaryColor: home.store.branding.primaryColor };
    return htmlResponse(storeHomePage(look, home.products.items, home.seo.description));
  } catch (error) {
    return errorResponse(error);
  }
}
