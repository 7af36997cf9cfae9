import { Prisma, type TenantStatus } from '@vitrine/db';
import { audit } from '../../audit.ts';
import { conflict, notFound } from '../../errors.ts';
import type { AuthedContext } from '../../trpc.ts';
import type { ReactivateTenantInput, SuspendTenantInput } from './inputs.ts';

const select = { id: true, slug: true, name: true, status: true, suspendedReason: true } as const;

/**
 * Changes a store's status and writes the audit row (actor = the platform admin) in the same transaction
 * on the platform database, then drops every cached resolution of the store.
 */
async function changeStatus(
  ctx: AuthedContext,
  tenantId: string,
  decide: (current: { status: TenantStatus; trialEndsAt: Date | null }) => { status: TenantStatus; suspendedReason: string | null },
  action: string,
  data: Record<string, string | undefined>,
) {
  const tenant = await ctx.db.platform.$transaction(async (tx) => {
    const current = await tx.tenant.findUnique({ where: { id: tenantId }, select: { status: true, trialEndsAt: true } });
    if (!current) throw notFound('There is no store with this id.');
    const next = decide(current);
    const updated = await tx.tenant.update({ where: { id: tenantId }, data: next, select });
    await tx.$executeRaw(Prisma.sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`);
    await audit(tx, { requestId: ctx.requestId, ip: ctx.ip, platformUserId: ctx.user.id }, {
      tenantId,
      action,
      targetType: 'tenant',
      targetId: tenantId,
      data: { ...data, from: current.status, to: next.status },
    });
    return updated;
  });
  await ctx.tenantResolver.invalidateTenant(tenantId);
  ctx.log.info({ tenantId, action }, 'tenant status changed by platform admin');
  return tenant;
}

export function suspendTenant(ctx: AuthedContext, input: SuspendTenantInput) {
  return changeStatus(
    ctx,
    input.tenantId,
    (current) => {
      if (current.status === 'SUSPENDED') throw conflict('This store is already suspended.');
      if (current.status === 'CANCELLED') throw conflict('This store has been cancelled; it cannot be suspended.');
      return { status: 'SUSPENDED', suspendedReason: input.reason };
    },
    'tenant.suspended',
    { reason: input.reason },
  );
}

export function reactivateTenant(ctx: AuthedContext, input: ReactivateTenantInput) {
  return changeStatus(
    ctx,
    input.tenantId,
    (current) => {
      if (current.status !== 'SUSPENDED') throw conflict('Only a suspended store can be reactivated.');
      const inTrial = current.trialEndsAt !== null && current.trialEndsAt.getTime() > Date.now();
      return { status: inTrial ? 'TRIAL' : 'ACTIVE', suspendedReason: null };
    },
    'tenant.reactivated',
    { note: input.note },
  );
}
