import { router, storefrontProcedure } from '../../trpc.ts';
import { storefrontCategory, storefrontCollection } from './groups.ts';
import { storefrontHome, storefrontStore } from './home.ts';
import { storefrontGroupInput, storefrontProductInput, storefrontProductsInput, storefrontSearchInput } from './inputs.ts';
import { storefrontProduct } from './product.ts';
import { storefrontProductRedirect } from './product-redirect.ts';
import { storefrontProducts } from './products.ts';
import { recordStoreVisit, storefrontFooter, storefrontPage } from './pages.ts';
import { storefrontSearch } from './search.ts';
import { storefrontSitemap } from './sitemap.ts';
import { pageSlugInput } from '../pages/inputs.ts';

/** The public store behind the request's Host. */
export const storefrontRouter = router({
  store: storefrontProcedure.query(({ ctx }) => storefrontStore(ctx)),
  home: storefrontProcedure.query(({ ctx }) => storefrontHome(ctx)),
  products: storefrontProcedure.input(storefrontProductsInput).query(({ ctx, input }) => storefrontProducts(ctx, input)),
  product: storefrontProcedure.input(storefrontProductInput).query(({ ctx, input }) => storefrontProduct(ctx, input)),
  /** Where a product's old address now points ({ slug }), for a 301; null when nowhere. */
  productRedirect: storefrontProcedure.input(storefrontProductInput).query(({ ctx, input }) => storefrontProductRedirect(ctx, input)),
  /** Full-text search with typo tolerance, filters and facet counts; also the category and collection listings. */
  search: storefrontProcedure.input(storefrontSearchInput).query(({ ctx, input }) => storefrontSearch(ctx, input)),
  category: storefrontProcedure.input(storefrontGroupInput).query(({ ctx, input }) => storefrontCategory(ctx, input)),
  collection: storefrontProcedure.input(storefrontGroupInput).query(({ ctx, input }) => storefrontCollection(ctx, input)),
  /** Every public address of the store with its last change (for /sitemap.xml). */
  sitemap: storefrontProcedure.query(({ ctx }) => storefrontSitemap(ctx)),
  /** The footer (published institutional pages, contact details) and one institutional page. */
  footer: storefrontProcedure.query(({ ctx }) => storefrontFooter(ctx)),
  page: storefrontProcedure.input(pageSlugInput).query(({ ctx, input }) => storefrontPage(ctx, input)),
  /** One visit of the home or a product page, for the dashboard's conversion. */
  recordVisit: storefrontProcedure.mutation(({ ctx }) => recordStoreVisit(ctx)),
});
