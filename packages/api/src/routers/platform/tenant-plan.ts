import { Prisma } from '@vitrine/db';
import { audit, platformAudit, staffActor } from '../../audit.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import type { AuthedContext } from '../../trpc.ts';
import type { ChangePlanInput, ExtendTrialInput } from './inputs.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * One platform change to a store's row, in one transaction with its two audit rows: the store's log (actor =
 * the platform admin) and the platform log. Cached resolutions of the store are dropped after the commit.
 */
async function changeTenant<T>(
  ctx: AuthedContext,
  tenantId: string,
  change: (tx: Prisma.TransactionClient, current: { planCode: string; status: string; trialEndsAt: Date | null }) => Promise<{ result: T; action: string; data: Prisma.InputJsonObject }>,
): Promise<T> {
  const result = await ctx.db.platform.$transaction(async (tx) => {
    const current = await tx.tenant.findUnique({ where: { id: tenantId }, select: { planCode: true, status: true, trialEndsAt: true } });
    if (!current) throw notFound('There is no store with this id.');
    if (current.status === 'CANCELLED') throw conflict('This store has been cancelled; it cannot be changed.');
    const { result, action, data } = await change(tx, current);
    await tx.$executeRaw(Prisma.sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`);
    const actor = staffActor(ctx);
    await audit(tx, actor, { tenantId, action, targetType: 'tenant', targetId: tenantId, data });
    await platformAudit(tx, actor, { action, targetType: 'tenant', targetId: tenantId, data });
    return result;
  });
  await ctx.tenantResolver.invalidateTenant(tenantId);
  return result;
}

/** Moves a store to another plan (a platform decision; a Stripe subscription, if any, is not touched). */
export function changeTenantPlan(ctx: AuthedContext, input: ChangePlanInput) {
  return changeTenant(ctx, input.tenantId, async (tx, current) => {
    const plan = await tx.plan.findUnique({ where: { code: input.planCode }, select: { code: true, name: true } });
    if (!plan) throw badRequest('There is no plan with this code.');
    if (plan.code === current.planCode) throw conflict(`This store is already on ${plan.name}.`);
    const updated = await tx.tenant.update({ where: { id: input.tenantId }, data: { planCode: plan.code }, select: { id: true, planCode: true } });
    return { result: updated, action: 'tenant.plan_changed', data: { from: current.planCode, to: plan.code, reason: input.reason } };
  });
}

/** Pushes the trial's end `days` further, counted from the current end or from now when it has passed. */
export function extendTenantTrial(ctx: AuthedContext, input: ExtendTrialInput, now = new Date()) {
  return changeTenant(ctx, input.tenantId, async (tx, current) => {
    const from = current.trialEndsAt && current.trialEndsAt.getTime() > now.getTime() ? current.trialEndsAt : now;
    const trialEndsAt = new Date(from.getTime() + input.days * DAY_MS);
    const updated = await tx.tenant.update({ where: { id: input.tenantId }, data: { trialEndsAt }, select: { id: true, trialEndsAt: true } });
    return {
      result: updated,
      action: 'tenant.trial_extended',
      data: { from: current.trialEndsAt?.toISOString() ?? null, to: trialEndsAt.toISOString(), days: input.days, reason: input.reason },
    };
  });
}
