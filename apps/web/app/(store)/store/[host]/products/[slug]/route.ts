import { TRPCError } from '@trpc/server';
import { errorResponse, htmlResponse, openStorePage, pageAddresses, storeAnswer } from '../../../../../../src/store/respond.ts';
import { storeProductPage, type StoreLook } from '../../../../../../src/store/pages.ts';
import { absoluteUrl, productJsonLd } from '../../../../../../src/store/seo.ts';

export const dynamic = 'force-dynamic';

/** One published product of the store behind the host; an old address of a renamed product answers 301. */
export async function GET(request: Request, { params }: { params: Promise<{ host: string; slug: string }> }) {
  const { host, slug: rawSlug } = await params;
  const slug = decodeURIComponent(rawSlug);
  let look: StoreLook | undefined;
  try {
    const page = await openStorePage(request, host, `/products/${encodeURIComponent(slug)}`);
    look = page.look;
    const product = await page.caller.storefront.product({ slug }).catch(async (error: unknown) => {
      if (!(error instanceof TRPCError && error.code === 'NOT_FOUND')) throw error;
      const moved = await page.caller.storefront.productRedirect({ slug });
      if (!moved) throw error;
      return { moved: moved.slug } as const;
    });
    if ('moved' in product) {
      return new Response(null, { status: 301, headers: { location: absoluteUrl(page.request.origin, `/products/${encodeURIComponent(product.moved)}`) } });
    }
    await page.caller.storefront.recordVisit();
    const addresses = pageAddresses(page);
    const images = product.images.flatMap((i) => (i.src ? [i.src.startsWith('/') ? absoluteUrl(page.request.origin, i.src) : i.src] : []));
    const jsonLd = productJsonLd({
      title: product.title,
      description: product.seoDescription ?? product.description,
      url: addresses.canonical!,
      images,
      category: product.category?.name ?? null,
      variants: product.variants,
    });
    const html = storeProductPage(page.look, product, {
      ...addresses,
      description: product.seoDescription ?? product.description,
      ogImage: images[0] ?? null,
      jsonLd,
    });
    return storeAnswer(page, htmlResponse(html), { countsVisit: true });
  } catch (error) {
    return errorResponse(error, look);
  }
}
