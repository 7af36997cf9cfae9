import { currentImpersonation, endImpersonation, startImpersonation } from '../../impersonation/grants.ts';
import { platformAdminProcedure, router } from '../../trpc.ts';
import {
  changePlanInput,
  extendTrialInput,
  grantIdInput,
  listTenantsInput,
  reactivateTenantInput,
  startImpersonationInput,
  suspendTenantInput,
  tenantIdInput,
} from './inputs.ts';
import { tenantDetail } from './tenant-detail.ts';
import { changeTenantPlan, extendTenantTrial } from './tenant-plan.ts';
import { reactivateTenant, suspendTenant } from './tenant-status.ts';
import { listTenants, tenantFilters } from './tenants-list.ts';

/** Platform staff (SUPER_ADMIN with two-factor authentication) only; every change is in the platform audit log. */
export const platformRouter = router({
  tenants: router({
    list: platformAdminProcedure.input(listTenantsInput).query(({ ctx, input }) => listTenants(ctx, input)),
    filters: platformAdminProcedure.query(({ ctx }) => tenantFilters(ctx)),
    get: platformAdminProcedure.input(tenantIdInput).query(({ ctx, input }) => tenantDetail(ctx, input.tenantId)),
    suspend: platformAdminProcedure.input(suspendTenantInput).mutation(({ ctx, input }) => suspendTenant(ctx, input)),
    reactivate: platformAdminProcedure.input(reactivateTenantInput).mutation(({ ctx, input }) => reactivateTenant(ctx, input)),
    changePlan: platformAdminProcedure.input(changePlanInput).mutation(({ ctx, input }) => changeTenantPlan(ctx, input)),
    extendTrial: platformAdminProcedure.input(extendTrialInput).mutation(({ ctx, input }) => extendTenantTrial(ctx, input)),
  }),
  impersonation: router({
    start: platformAdminProcedure.input(startImpersonationInput).mutation(({ ctx, input }) => startImpersonation(ctx, input)),
    end: platformAdminProcedure.input(grantIdInput).mutation(({ ctx, input }) => endImpersonation(ctx, input.grantId)),
    current: platformAdminProcedure.input(grantIdInput).query(({ ctx, input }) => currentImpersonation(ctx, input.grantId)),
  }),
});
