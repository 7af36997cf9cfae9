import { COUNTED_KEYS, countUsage, LIMIT_KEYS, limitsOf, planOfTenant, publicPlans, upgradeFor, type LimitKey } from '../../plans/index.ts';
import { BYTES_PER_MB } from '../../plans/limits.ts';
import type { TenantContext } from '../../trpc.ts';

const planView = (plan: { code: string; name: string; priceAmount: number; currency: string; trialDays: number; rank: number | null; limits: unknown }) => ({
  code: plan.code,
  name: plan.name,
  priceAmount: plan.priceAmount,
  currency: plan.currency,
  trialDays: plan.trialDays,
  limits: limitsOf(plan),
});

/** The store's current plan from the plans table and its limits (every key; null = unlimited). */
export async function currentPlan(ctx: TenantContext) {
  const plan = await ctx.db.platform.plan.findUniqueOrThrow({ where: { code: ctx.tenant.planCode } });
  const view = planView(plan);
  return {
    plan: { code: view.code, name: view.name, priceAmount: view.priceAmount, currency: view.currency, trialDays: view.trialDays },
    limits: view.limits,
    status: ctx.tenant.status,
    billingStatus: ctx.tenant.billingStatus,
    trialEndsAt: ctx.tenant.trialEndsAt,
  };
}

export interface UsageMeter {
  key: LimitKey;
  /** null: unlimited. MB for storageMb. */
  limit: number | null;
  /** null: not counted (apiRatePerMinute is shown, not enforced). MB (two decimals) for storageMb. */
  used: number | null;
  /** used / limit, in percent, rounded down (may pass 100 after a downgrade); null without a limit or a count. */
  percent: number | null;
  /** The store has used all of it: the next action of this kind is refused. */
  reached: boolean;
  /** The public plan that lifts this limit (code and name), when there is one. */
  upgradeTo: { code: string; name: string; limit: number | null } | null;
}

/**
 * Every limit of the store's plan with what the store uses of it, read in one transaction, and the public plans
 * for the comparison table. Orders are those created this month (UTC).
 */
export async function planUsage(ctx: TenantContext) {
  const tenantId = ctx.tenant.id;
  return ctx.tdb.$scoped(async (tx) => {
    const plan = await planOfTenant(tx, tenantId);
    const catalogue = await publicPlans(ctx.db.platform);
    const limits = limitsOf(plan);
    const counted = new Map<LimitKey, number>();
    for (const key of COUNTED_KEYS) counted.set(key, await countUsage(tx, tenantId, key));
    const meters: UsageMeter[] = LIMIT_KEYS.map((key) => {
      const limit = limits[key];
      const raw = counted.get(key);
      const used = raw === undefined ? null : key === 'storageMb' ? Math.round((raw / BYTES_PER_MB) * 100) / 100 : raw;
      const allowed = limit === null ? null : key === 'storageMb' ? limit * BYTES_PER_MB : limit;
      const upgrade = limit === null ? null : upgradeFor(plan, catalogue, key);
      return {
        key,
        limit,
        used,
        percent: allowed === null || raw === undefined ? null : allowed === 0 ? 100 : Math.floor((raw / allowed) * 100),
        reached: allowed !== null && raw !== undefined && raw >= allowed,
        upgradeTo: upgrade ? { code: upgrade.code, name: upgrade.name, limit: limitsOf(upgrade)[key] } : null,
      };
    });
    return {
      plan: { code: plan.code, name: plan.name },
      meters,
      plans: catalogue.map((p) => ({ ...planView(p), current: p.code === plan.code })),
    };
  });
}
