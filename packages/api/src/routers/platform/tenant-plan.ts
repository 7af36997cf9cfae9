import { Prisma } from '@vitrine/db';
import { audit, platformAudit, staffActor } from '../../audit.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import { moveSubscription } from '../../billing/flows.ts';
import { lookupKeyOf, type BillingInterval } from '../../billing/prices.ts';
import { hasCurrentSubscription } from '../../billing/state.ts';
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

/**
 * Moves a store to another plan (a platform decision, with its reason). A store paying through Stripe is moved
 * there, at its subscription's interval and prorated, as its owner's own change would be: the next renewal would
 * otherwise put the plan Stripe charges for back. A plan Stripe does not sell at that interval is refused.
 */
export async function changeTenantPlan(ctx: AuthedContext, input: ChangePlanInput) {
  const subscription = await ctx.db.platform.tenantSubscription.findUnique({ where: { tenantId: input.tenantId }, select: { stripeSubscriptionId: true, status: true, interval: true } });
  const paying = hasCurrentSubscription(subscription);
  if (!paying) {
    return changeTenant(ctx, input.tenantId, async (tx, current) => {
      const plan = await planToMoveTo(tx, input.planCode, current.planCode);
      const updated = await tx.tenant.update({ where: { id: input.tenantId }, data: { planCode: plan.code }, select: { id: true, planCode: true } });
      return { result: updated, action: 'tenant.plan_changed', data: { from: current.planCode, to: plan.code, reason: input.reason } };
    });
  }
  const before = await ctx.db.platform.tenant.findUnique({ where: { id: input.tenantId }, select: { planCode: true, status: true } });
  if (!before) throw notFound('There is no store with this id.');
  if (before.status === 'CANCELLED') throw conflict('This store has been cancelled; it cannot be changed.');
  const plan = await planToMoveTo(ctx.db.platform, input.planCode, before.planCode);
  const interval: BillingInterval = subscription!.interval === 'year' ? 'year' : 'month';
  if (!(await lookupKeyOf(ctx.db.platform, plan.code, interval))) {
    throw conflict(
      `This store pays for its plan through Stripe ${interval === 'year' ? 'yearly' : 'monthly'}, and ${plan.name} is not sold that way. Its subscription must end first (the owner can end it from the billing page).`,
    );
  }
  await moveSubscription({ db: ctx.db, tenantId: input.tenantId, actor: staffActor(ctx), appUrl: ctx.appUrl }, { planCode: plan.code, interval });
  return changeTenant(ctx, input.tenantId, async (_tx, current) => ({
    result: { id: input.tenantId, planCode: current.planCode },
    action: 'tenant.plan_changed',
    data: { from: before.planCode, to: plan.code, reason: input.reason, through: 'stripe' },
  }));
}

/** The plan a store moves to: it exists and is not the store's plan already. */
async function planToMoveTo(db: Pick<Prisma.TransactionClient, 'plan'>, planCode: string, currentPlanCode: string) {
  const plan = await db.plan.findUnique({ where: { code: planCode }, select: { code: true, name: true } });
  if (!plan) throw badRequest('There is no plan with this code.');
  if (plan.code === currentPlanCode) throw conflict(`This store is already on ${plan.name}.`);
  return plan;
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
