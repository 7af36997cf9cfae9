import type { StorefrontContext } from '../../trpc.ts';
import type { StorefrontProductInput } from './inputs.ts';

/**
 * The current address of a product that used to live at `slug`, for a 301; null when the address was never a
 * product's, or its product is not on sale (drafts and archived products are not revealed).
 */
export async function storefrontProductRedirect(ctx: StorefrontContext, input: StorefrontProductInput): Promise<{ slug: string } | null> {
  const redirect = await ctx.tdb.productSlugRedirect.findFirst({
    where: { oldSlug: input.slug, product: { status: 'ACTIVE' } },
    select: { product: { select: { slug: true } } },
  });
  return redirect && redirect.product.slug !== input.slug ? { slug: redirect.product.slug } : null;
}
