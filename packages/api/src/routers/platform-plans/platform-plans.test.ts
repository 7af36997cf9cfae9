import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let operator: SessionUser;
let owner: SessionUser;

const LIMITS = { products: 10, ordersPerMonth: 20, staffUsers: 2, mlAccounts: 0, storageMb: 100, apiRatePerMinute: null };
const plan = (over: Record<string, unknown> = {}) => ({
  code: 'starter', name: 'Starter', limits: LIMITS, priceAmount: 990, currency: 'BRL', trialDays: 7, rank: 10, modules: ['coupons' as const], ...over,
});

beforeAll(async () => {
  h = await createApiHarness('platform_plans');
  operator = await h.createUser('plans-operator', 'SUPER_ADMIN');
  owner = await h.createUser('plans-owner');
});
afterAll(() => h?.close());

const staff = () => h.caller(operator);
const auditOf = (action: string) => h.owner.platformAuditLog.findMany({ where: { action }, orderBy: { createdAt: 'asc' } });

describe('the plan catalogue', () => {
  it('lists the plans with how many stores use each', async () => {
    await h.createStore(owner, 'plans-shop');
    const plans = await staff().platformPlans.list();
    expect(plans.map((p) => p.code).slice(0, 4)).toEqual(['free', 'basic', 'pro', 'enterprise']);
    expect(plans.find((p) => p.code === 'free')).toMatchObject({ tenants: 1, modules: ['coupons', 'mercadolivre', 'support'] });
  });

  it('creates a plan with its limits and modules, in the platform audit log', async () => {
    const created = await staff().platformPlans.create(plan());
    expect(created).toMatchObject({ code: 'starter', name: 'Starter', limits: LIMITS, priceAmount: 990, currency: 'BRL', trialDays: 7, rank: 10, modules: ['coupons'], tenants: 0 });
    expect(await auditOf('plan.created')).toEqual([expect.objectContaining({ actorUserId: operator.id, targetId: 'starter', requestId: expect.any(String) })]);
  });

  it('edits a plan (name, a limit, price, trial, rank, modules) and keeps the before and after in the audit log', async () => {
    const updated = await staff().platformPlans.update({ ...plan(), name: 'Starter+', limits: { ...LIMITS, products: 25 }, priceAmount: 1290, trialDays: 14, rank: 11, modules: ['support'] });
    expect(updated).toMatchObject({ name: 'Starter+', limits: { products: 25 }, priceAmount: 1290, trialDays: 14, rank: 11, modules: ['support'] });
    const [row] = await auditOf('plan.updated');
    expect(row?.data).toMatchObject({ before: { name: 'Starter', limits: { products: 10 }, modules: ['coupons'] }, after: { name: 'Starter+', limits: { products: 25 }, modules: ['support'] } });
  });

  it('refuses a taken code or rank beside its field, and bad values', async () => {
    const taken = await expectTRPCError(staff().platformPlans.create(plan({ rank: null })), 'BAD_REQUEST', /already exists/);
    expect((taken.cause as unknown as { issues: { path: string[] }[] }).issues[0]!.path).toEqual(['code']);
    const rank = await expectTRPCError(staff().platformPlans.create(plan({ code: 'other', rank: 1 })), 'BAD_REQUEST', /The Free plan already has rank 1/);
    expect((rank.cause as unknown as { issues: { path: string[] }[] }).issues[0]!.path).toEqual(['rank']);
    await expectTRPCError(staff().platformPlans.create(plan({ code: 'Bad Code' })), 'BAD_REQUEST');
    await expectTRPCError(staff().platformPlans.create(plan({ code: 'neg', limits: { ...LIMITS, products: -1 } })), 'BAD_REQUEST');
    await expectTRPCError(staff().platformPlans.update({ ...plan(), code: 'nope' }), 'NOT_FOUND');
    expect(await h.owner.plan.count({ where: { code: { in: ['other', 'neg', 'bad code'] } } })).toBe(0);
  });

  it('refuses to retire a plan in use, saying how many stores use it; retires it once nobody does', async () => {
    const shop = await h.createStore(owner, 'plans-shop-2');
    const shop3 = await h.createStore(owner, 'plans-shop-3');
    await h.setPlan(shop.id, 'starter');
    await h.setPlan(shop3.id, 'starter');
    await expectTRPCError(staff().platformPlans.retire({ code: 'starter' }), 'CONFLICT', /^2 stores use the Starter\+ plan, so it cannot be deleted/);
    expect(await h.owner.plan.count({ where: { code: 'starter' } })).toBe(1);
    await h.setPlan(shop.id, 'free');
    await expectTRPCError(staff().platformPlans.retire({ code: 'starter' }), 'CONFLICT', /^1 store uses the Starter\+ plan/);
    await h.setPlan(shop3.id, 'free');
    await expect(staff().platformPlans.retire({ code: 'starter' })).resolves.toEqual({ code: 'starter', retired: true });
    expect(await h.owner.plan.count({ where: { code: 'starter' } })).toBe(0);
    expect(await h.owner.planModule.count({ where: { planCode: 'starter' } })).toBe(0);
    expect(await auditOf('plan.retired')).toHaveLength(1);
    await expectTRPCError(staff().platformPlans.retire({ code: 'starter' }), 'NOT_FOUND');
  });

  it('is for platform staff only', async () => {
    for (const call of [h.caller(owner).platformPlans.list(), h.caller(owner).platformPlans.create(plan({ code: 'x1' })), h.caller(owner).platformPlans.retire({ code: 'free' })]) {
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('FORBIDDEN');
    }
  });
});
