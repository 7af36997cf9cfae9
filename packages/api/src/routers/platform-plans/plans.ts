import type { Prisma, PrismaClient } from '@vitrine/db';
import { platformAudit, staffActor } from '../../audit.ts';
import { conflict, isUniqueViolation, notFound } from '../../errors.ts';
import type { AuthedContext } from '../../trpc.ts';
import { fieldError } from './field-error.ts';
import type { CreatePlanInput, PlanCodeInput, UpdatePlanInput } from './inputs.ts';

/**
 * The platform's plan catalogue (/platform/plans): list, create, edit (name, limits, price, currency, trial days,
 * rank, modules) and retire a plan no store uses. Each change and its platform audit row commit together. The Stripe
 * price of a plan is billing's (plan_stripe_prices), not edited here.
 */
type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;


export async function listPlans(ctx: AuthedContext) {
  const [plans, counts, modules, partners] = await Promise.all([
    ctx.db.platform.plan.findMany({ orderBy: [{ rank: { sort: 'asc', nulls: 'last' } }, { code: 'asc' }] }),
    ctx.db.platform.tenant.groupBy({ by: ['planCode'], _count: { _all: true } }),
    ctx.db.platform.planModule.findMany({ select: { planCode: true, moduleCode: true } }),
    ctx.db.platform.partner.findMany({ select: { allowedPlanCodes: true } }),
  ]);
  const tenants = new Map(counts.map((c) => [c.planCode, c._count._all]));
  return plans.map((p) => ({
    code: p.code,
    name: p.name,
    limits: p.limits,
    priceAmount: p.priceAmount,
    currency: p.currency,
    trialDays: p.trialDays,
    rank: p.rank,
    createdAt: p.createdAt,
    modules: modules.filter((m) => m.planCode === p.code).map((m) => m.moduleCode),
    tenants: tenants.get(p.code) ?? 0,
    partners: partners.filter((x) => x.allowedPlanCodes.includes(p.code)).length,
  }));
}

export async function getPlan(ctx: AuthedContext, input: PlanCodeInput) {
  const plan = (await listPlans(ctx)).find((p) => p.code === input.code);
  if (!plan) throw notFound('There is no such plan.');
  return plan;
}

async function assertRankFree(tx: Tx, rank: number | null, code: string): Promise<void> {
  if (rank === null) return;
  const other = await tx.plan.findFirst({ where: { rank, code: { not: code } }, select: { name: true } });
  if (other) throw fieldError('rank', `The ${other.name} plan already has rank ${rank}; choose another place in the catalogue.`);
}

function planData(input: Omit<CreatePlanInput, 'code'>) {
  return {
    name: input.name,
    limits: input.limits as Prisma.InputJsonValue,
    priceAmount: input.priceAmount,
    currency: input.currency,
    trialDays: input.trialDays,
    rank: input.rank,
  };
}

export async function createPlan(ctx: AuthedContext, input: CreatePlanInput) {
  try {
    await ctx.db.platform.$transaction(async (tx) => {
      if (await tx.plan.findUnique({ where: { code: input.code }, select: { code: true } })) {
        throw fieldError('code', `A plan with the code “${input.code}” already exists.`);
      }
      await assertRankFree(tx, input.rank, input.code);
      await tx.plan.create({ data: { code: input.code, ...planData(input) } });
      // A new plan starts with every module (a trigger); keep the ones asked for.
      await tx.planModule.deleteMany({ where: { planCode: input.code, moduleCode: { notIn: input.modules } } });
      await platformAudit(tx, staffActor(ctx), { action: 'plan.created', targetType: 'plan', targetId: input.code, data: { ...planData(input), modules: input.modules } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError('code', `A plan with the code “${input.code}” already exists.`);
    throw error;
  }
  return getPlan(ctx, { code: input.code });
}

export async function updatePlan(ctx: AuthedContext, input: UpdatePlanInput) {
  await ctx.db.platform.$transaction(async (tx) => {
    const before = await tx.plan.findUnique({ where: { code: input.code } });
    if (!before) throw notFound('There is no such plan.');
    await assertRankFree(tx, input.rank, input.code);
    const modulesBefore = (await tx.planModule.findMany({ where: { planCode: input.code }, select: { moduleCode: true } })).map((m) => m.moduleCode).sort();
    await tx.plan.update({ where: { code: input.code }, data: planData(input) });
    await tx.planModule.deleteMany({ where: { planCode: input.code, moduleCode: { notIn: input.modules } } });
    if (input.modules.length) {
      await tx.planModule.createMany({ data: input.modules.map((moduleCode) => ({ planCode: input.code, moduleCode })), skipDuplicates: true });
    }
    const { createdAt: _created, code: _code, ...was } = before;
    await platformAudit(tx, staffActor(ctx), {
      action: 'plan.updated',
      targetType: 'plan',
      targetId: input.code,
      data: { before: { ...was, modules: modulesBefore }, after: { ...planData(input), modules: [...input.modules].sort() } } as Prisma.InputJsonValue,
    });
  });
  ctx.log.info({ plan: input.code }, 'plan updated by platform staff');
  return getPlan(ctx, { code: input.code });
}

/** Deletes a plan no store and no partner uses; otherwise says how many do (move them first, or clear its rank). */
export async function retirePlan(ctx: AuthedContext, input: PlanCodeInput) {
  await ctx.db.platform.$transaction(async (tx) => {
    // Locks the plan row: a store cannot be moved onto it while it is being retired (the foreign key would wait).
    const rows = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM plans WHERE code = ${input.code} FOR UPDATE`;
    const plan = rows[0];
    if (!plan) throw notFound('There is no such plan.');
    const [stores, partners] = await Promise.all([
      tx.tenant.count({ where: { planCode: input.code } }),
      tx.partner.count({ where: { allowedPlanCodes: { has: input.code } } }),
    ]);
    if (stores > 0) {
      throw conflict(
        `${stores} ${stores === 1 ? 'store uses' : 'stores use'} the ${plan.name} plan, so it cannot be deleted. Move ${stores === 1 ? 'it' : 'them'} to another plan first, or clear the plan's rank to stop offering it.`,
      );
    }
    if (partners > 0) {
      throw conflict(`${partners} ${partners === 1 ? 'partner offers' : 'partners offer'} the ${plan.name} plan to their clients; remove it from their allowed plans first.`);
    }
    await tx.plan.delete({ where: { code: input.code } });
    await platformAudit(tx, staffActor(ctx), { action: 'plan.retired', targetType: 'plan', targetId: input.code, data: { name: plan.name } });
  });
  ctx.log.info({ plan: input.code }, 'plan retired by platform staff');
  return { code: input.code, retired: true };
}
