import type { TenantStatus } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { conflict, notFound } from '../../errors.ts';
import { assertPlanAllowed } from '../../partners/plans.ts';
import type { PartnerContext } from '../../partners/procedure.ts';
import { enterTenant, withPartner, type PartnerTransaction } from '../../partners/scope.ts';
import { CLIENT_NOT_FOUND } from './clients.ts';
import type { ChangeClientPlanInput, ReactivateClientInput, SuspendClientInput } from './inputs.ts';

const SELECT = { id: true, slug: true, name: true, status: true, planCode: true, suspendedReason: true } as const;

/** Locks one of the partner's stores for the change; anyone else's store is NOT_FOUND (filter + RLS). */
async function lockClient(tx: PartnerTransaction, partnerId: string, tenantId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM tenants WHERE id = ${tenantId} AND partner_id = ${partnerId} FOR UPDATE`;
  const current = rows.length
    ? await tx.tenant.findFirst({ where: { id: tenantId, partnerId }, select: { status: true, planCode: true, trialEndsAt: true } })
    : null;
  if (!current) throw notFound(CLIENT_NOT_FOUND);
  await enterTenant(tx, tenantId);
  return current;
}

/** Moves a client to another plan among the partner's allowed ones, audited in the store's log. */
export async function changeClientPlan(ctx: PartnerContext, input: ChangeClientPlanInput) {
  const tenant = await withPartner(ctx.db.platform, ctx.partner.id, async (tx) => {
    const current = await lockClient(tx, ctx.partner.id, input.tenantId);
    const { allowedPlanCodes } = await tx.partner.findUniqueOrThrow({ where: { id: ctx.partner.id }, select: { allowedPlanCodes: true } });
    const plan = await assertPlanAllowed(tx, allowedPlanCodes, input.planCode);
    if (current.planCode === plan.code) throw conflict(`This store is already on the plan "${plan.name}".`);
    const updated = await tx.tenant.update({ where: { id: input.tenantId }, data: { planCode: plan.code }, select: SELECT });
    await audit(tx, memberActor(ctx), {
      tenantId: input.tenantId,
      action: 'tenant.plan_changed',
      targetType: 'tenant',
      targetId: input.tenantId,
      data: { from: current.planCode, to: plan.code, partnerId: ctx.partner.id },
    });
    return updated;
  });
  await ctx.tenantResolver.invalidateTenant(input.tenantId);
  return tenant;
}

export function suspendClient(ctx: PartnerContext, input: SuspendClientInput) {
  return changeStatus(ctx, input.tenantId, 'tenant.suspended', async (current) => {
    if (current.status === 'SUSPENDED') throw conflict('This store is already suspended.');
    if (current.status === 'CANCELLED') throw conflict('This store has been cancelled; it cannot be suspended.');
    return { status: 'SUSPENDED', suspendedReason: input.reason, data: { reason: input.reason } };
  });
}

export function reactivateClient(ctx: PartnerContext, input: ReactivateClientInput) {
  return changeStatus(ctx, input.tenantId, 'tenant.reactivated', async (current, tx) => {
    if (current.status !== 'SUSPENDED') throw conflict('Only a suspended store can be reactivated.');
    // A suspension decided by Vitrine's staff (unpaid bills, abuse) is theirs to lift.
    const suspension = await tx.auditLog.findFirst({
      where: { tenantId: input.tenantId, action: 'tenant.suspended' },
      orderBy: { createdAt: 'desc' },
      select: { actorPlatformUserId: true },
    });
    if (suspension?.actorPlatformUserId) throw conflict('Vitrine suspended this store; only Vitrine support can reactivate it.');
    const trialOn = current.trialEndsAt !== null && current.trialEndsAt.getTime() > Date.now();
    return { status: trialOn ? 'TRIAL' : 'ACTIVE', suspendedReason: null, data: {} };
  });
}

type Decision = { status: TenantStatus; suspendedReason: string | null; data: Record<string, string> };

/** Changes a client's status with its audit row (actor: the partner's member), then drops every cached resolution. */
async function changeStatus(
  ctx: PartnerContext,
  tenantId: string,
  action: string,
  decide: (current: { status: TenantStatus; trialEndsAt: Date | null }, tx: PartnerTransaction) => Promise<Decision>,
) {
  const tenant = await withPartner(ctx.db.platform, ctx.partner.id, async (tx) => {
    const current = await lockClient(tx, ctx.partner.id, tenantId);
    const next = await decide(current, tx);
    const updated = await tx.tenant.update({
      where: { id: tenantId },
      data: { status: next.status, suspendedReason: next.suspendedReason },
      select: SELECT,
    });
    await audit(tx, memberActor(ctx), {
      tenantId,
      action,
      targetType: 'tenant',
      targetId: tenantId,
      data: { ...next.data, from: current.status, to: next.status, partnerId: ctx.partner.id },
    });
    return updated;
  });
  await ctx.tenantResolver.invalidateTenant(tenantId);
  ctx.log.info({ tenantId, action }, 'client status changed by partner');
  return tenant;
}
