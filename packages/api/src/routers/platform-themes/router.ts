import { authedProcedure, platformAdminProcedure, router } from '../../trpc.ts';
import { themeAvailabilityInput } from './inputs.ts';
import { offeredThemes, setThemeAvailability, themeCatalogue } from './themes.ts';

/** The storefront theme catalogue: platform staff switch themes on or off for new stores (platform audit log). */
export const platformThemesRouter = router({
  list: platformAdminProcedure.query(({ ctx }) => themeCatalogue(ctx.db)),
  setEnabled: platformAdminProcedure.input(themeAvailabilityInput).mutation(({ ctx, input }) => setThemeAvailability(ctx, input)),
  /** The themes a store may choose now (any signed-in person: the setup wizard lists them). */
  offered: authedProcedure.query(({ ctx }) => offeredThemes(ctx.db)),
});
