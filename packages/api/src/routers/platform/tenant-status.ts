import { Prisma, type TenantStatus } from '@vitrine/db';
import { audit, platformAudit, staffActor } from '../../audit.ts';
import { conflict, notFound } from '../../errors.ts';
import type { AuthedContext } from '../../trpc.ts';
import type { ReactivateTenantInput, SuspendTenantInput } from './inputs.ts';

interface Current {
  status: TenantStatus;
  trialEndsAt: Date | null;
}

const select = { id: true, slug: true, name: true, status: true, suspendedReason: true } as const;

/**
 * Changes a store's status and writes the audit row (actor = the platform admin) in the same transaction
 * on the platform database, then drops every cached resolution of the store.
 */
async function changeStatus(
  ctx: AuthedContext,
  tenantId: string,
  decide: (current: Current, tx: Prisma.TransactionClient) => Promise<{ status: TenantStatus; suspendedReason: string | null }>,
  action: string,
  data: Record<string, string | undefined>,
) {
  const tenant = await ctx.db.platform.$transaction(async (tx) => {
    const current = await tx.tenant.findUnique({ where: { id: tenantId }, select: { status: true, trialEndsAt: true } });
    if (!current) throw notFound('There is no store with this id.');
    // The tenant's own rows (its audit log) are visible and writable only under its id.
    await tx.$executeRaw(Prisma.sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`);
    const next = await decide(current, tx);
    const updated = await tx.tenant.update({ where: { id: tenantId }, data: next, select });
    await audit(tx, { requestId: ctx.requestId, ip: ctx.ip, platformUserId: ctx.user.id }, {
      tenantId,
      action,
      targetType: 'tenant',
      targetId: tenantId,
      data: { ...data, from: current.status, to: next.status },
    });
    await platformAudit(tx, staffActor(ctx), {
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
    async (current) => {
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
    async (current, tx) => {
      if (current.status !== 'SUSPENDED') throw conflict('Only a suspended store can be reactivated.');
      // Back to the status it had before the suspension (recorded in its audit log); a trial that ended
      // meanwhile comes back as ACTIVE.
      const suspension = await tx.auditLog.findFirst({
        where: { tenantId: input.tenantId, action: 'tenant.suspended' },
        orderBy: { createdAt: 'desc' },
        select: { data: true },
      });
      const before = (suspension?.data as { from?: TenantStatus } | null)?.from;
      const trialOver = current.trialEndsAt !== null && current.trialEndsAt.getTime() <= Date.now();
      return { status: before === 'TRIAL' && !trialOver ? 'TRIAL' : 'ACTIVE', suspendedReason: null };
    },
    'tenant.reactivated',
    { note: input.note },
  );
}
