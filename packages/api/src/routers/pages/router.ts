import { router, tenantProcedure } from '../../trpc.ts';
import { pageSlugInput, savePageInput } from './inputs.ts';
import { deletePage, getPage, listPages, savePage } from './pages.ts';

/** Institutional pages (about, returns, privacy, custom) edited in the admin, shown on the storefront. */
export const pagesRouter = router({
  list: tenantProcedure('settings:read').query(({ ctx }) => listPages(ctx)),
  get: tenantProcedure('settings:read').input(pageSlugInput).query(({ ctx, input }) => getPage(ctx, input)),
  save: tenantProcedure('settings:write').input(savePageInput).mutation(({ ctx, input }) => savePage(ctx, input)),
  delete: tenantProcedure('settings:write').input(pageSlugInput).mutation(({ ctx, input }) => deletePage(ctx, input)),
});
