import { errorResponse, htmlResponse, storeCaller } from '../../../../../../src/store/respond.ts';
import { storeProductPage, type StoreLook } from '../../../../../../src/store/pages.ts';

export const dynamic = 'force-dynamic';

/** One published product of the store behind the host. */
export async function GET(_req: Request, { params }: { params: Promise<{ host: string; slug: string }> }) {
  const { host, slug } = await params;
  let look: StoreLook | undefined;
  try {
    const caller = await storeCaller(decodeURIComponent(host));
    const store = await caller.storefront.store();
    look = { name: store.name, locale: store.locale, primaryColor: store.branding.primaryColor };
    const product = await caller.storefront.product({ slug: decodeURIComponent(slug) });
    return htmlResponse(storeProductPage(look, product));
  } catch (error) {
    return errorResponse(error, look);
  }
}
