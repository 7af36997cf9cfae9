import { authedProcedure, router, tenantProcedure } from '../../trpc.ts';
import { createTenant, createTenantInput } from './create.ts';
import { listMyTenants } from './mine.ts';
import { getSettings } from './settings-get.ts';
import { updateSettings, updateSettingsInput } from './settings-update.ts';

export const tenantRouter = router({
  /** Open a new store: the caller becomes its owner. */
  create: authedProcedure.input(createTenantInput).mutation(({ ctx, input }) => createTenant(ctx, input)),
  /** The stores the caller belongs to (tenant switcher). */
  mine: authedProcedure.query(({ ctx }) => listMyTenants(ctx)),
  settings: router({
    get: tenantProcedure('settings:read').query(({ ctx }) => getSettings(ctx)),
    update: tenantProcedure('settings:write').input(updateSettingsInput).mutation(({ ctx, input }) => updateSettings(ctx, input)),
  }),
});
