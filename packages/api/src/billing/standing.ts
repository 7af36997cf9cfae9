import { can } from '../permissions.ts';
import type { AuthedContext } from '../trpc.ts';

/**
 * The active store's billing standing for the admin's banner, for every member (the banner tells everyone why
 * the admin is read-only; only those with billing:manage get the way to pay). Null when no store is chosen or
 * the person is not a member of it.
 */
export async function billingStanding(ctx: AuthedContext) {
  const tenantId = ctx.activeTenantId;
  if (!tenantId) return null;
  const tenant = await ctx.db.platform.tenant.findUnique({ where: { id: tenantId }, select: { billingStatus: true } });
  if (!tenant) return null;
  const tdb = await ctx.db.forTenant(tenantId).catch(() => null);
  const membership = tdb ? await tdb.membership.findFirst({ where: { userId: ctx.user.id } }) : null;
  if (!membership) return null;
  const row = await ctx.db.platform.tenantSubscription.findUnique({ where: { tenantId }, select: { pastDueSince: true, graceEndsAt: true, restrictedAt: true } });
  return {
    billingStatus: tenant.billingStatus,
    pastDueSince: row?.pastDueSince ?? null,
    graceEndsAt: row?.graceEndsAt ?? null,
    restrictedAt: row?.restrictedAt ?? null,
    canManageBilling: can(membership, 'billing:manage'),
  };
}
