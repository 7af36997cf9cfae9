import { authedProcedure, platformAdminProcedure, router, tenantProcedure } from '../../trpc.ts';
import { memberModuleInput, storeBySlugInput, tenantModuleInput } from './inputs.ts';
import { setTenantModule, storeModulesBySlug } from './platform-modules.ts';
import { myModules, setMemberModule, storeModules } from './store-modules.ts';

/**
 * Modules (see packages/api/src/modules): what the signed-in member has in the active store; the store's owners
 * and admins switching modules off for staff members; platform staff's per-store overrides.
 */
export const modulesRouter = router({
  mine: authedProcedure.query(({ ctx }) => myModules(ctx)),
  store: tenantProcedure('team:manage').query(({ ctx }) => storeModules(ctx)),
  setMember: tenantProcedure('team:manage').input(memberModuleInput).mutation(({ ctx, input }) => setMemberModule(ctx, input)),
  platform: router({
    store: platformAdminProcedure.input(storeBySlugInput).query(({ ctx, input }) => storeModulesBySlug(ctx, input)),
    set: platformAdminProcedure.input(tenantModuleInput).mutation(({ ctx, input }) => setTenantModule(ctx, input)),
  }),
});
