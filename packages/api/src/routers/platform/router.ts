import { platformAdminProcedure, router } from '../../trpc.ts';
import { listTenantsInput, reactivateTenantInput, suspendTenantInput } from './inputs.ts';
import { reactivateTenant, suspendTenant } from './tenant-status.ts';
import { listTenants } from './tenants-list.ts';

/** Platform staff (SUPER_ADMIN) only. */
export const platformRouter = router({
  tenants: router({
    list: platformAdminProcedure.input(listTenantsInput).query(({ ctx, input }) => listTenants(ctx, input)),
    suspend: platformAdminProcedure.input(suspendTenantInput).mutation(({ ctx, input }) => suspendTenant(ctx, input)),
    reactivate: platformAdminProcedure.input(reactivateTenantInput).mutation(({ ctx, input }) => reactivateTenant(ctx, input)),
  }),
});
