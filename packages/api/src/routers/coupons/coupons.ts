import type { Coupon } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { badRequest, conflict, isUniqueViolation, notFound } from '../../errors.ts';
import type { TenantContext } from '../../trpc.ts';
import { couponTermsProblems, type CouponIdInput, type CreateCouponInput, type UpdateCouponInput } from './inputs.ts';

const NOT_FOUND = 'This coupon does not exist in this store.';

const view = (c: Coupon) => ({
  id: c.id,
  code: c.code,
  kind: c.kind,
  value: c.value,
  minimumOrderAmount: c.minimumOrderAmount,
  startsAt: c.startsAt,
  expiresAt: c.expiresAt,
  maxUses: c.maxUses,
  maxUsesPerBuyer: c.maxUsesPerBuyer,
  active: c.active,
  usedCount: c.usedCount,
  createdAt: c.createdAt,
});

const auditData = (c: Coupon) => ({ code: c.code, kind: c.kind, value: c.value, active: c.active, expiresAt: c.expiresAt?.toISOString() ?? null });

/** The store's coupons, newest first. */
export async function listCoupons(ctx: TenantContext) {
  const rows = await ctx.tdb.coupon.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return rows.map(view);
}

export async function createCoupon(ctx: TenantContext, input: CreateCouponInput) {
  try {
    return await ctx.tdb.$scoped(async (tx) => {
      const coupon = await tx.coupon.create({ data: { tenantId: ctx.tenant.id, ...input } });
      await audit(tx, memberActor(ctx), { tenantId: ctx.tenant.id, action: 'coupon.created', targetType: 'coupon', targetId: coupon.id, data: auditData(coupon) });
      return view(coupon);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`The code ${input.code} is taken by another coupon of this store.`);
    throw error;
  }
}

/** Changes the given terms; the rules across fields are checked on the coupon as it would become. */
export async function updateCoupon(ctx: TenantContext, input: UpdateCouponInput) {
  const { id, ...given } = input;
  const changes = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Omit<UpdateCouponInput, 'id'>;
  return ctx.tdb.$scoped(async (tx) => {
    const current = await tx.coupon.findFirst({ where: { id } });
    if (!current) throw notFound(NOT_FOUND);
    const problem = couponTermsProblems({ ...current, ...changes })[0];
    if (problem) throw badRequest(`${problem.message}.`);
    const coupon = await tx.coupon.update({ where: { id }, data: changes });
    await audit(tx, memberActor(ctx), { tenantId: ctx.tenant.id, action: 'coupon.updated', targetType: 'coupon', targetId: id, data: auditData(coupon) });
    return view(coupon);
  });
}

/** Switches a coupon off: buyers can no longer apply it, and carts holding it are refused at checkout. */
export async function deactivateCoupon(ctx: TenantContext, input: CouponIdInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const current = await tx.coupon.findFirst({ where: { id: input.id } });
    if (!current) throw notFound(NOT_FOUND);
    const coupon = await tx.coupon.update({ where: { id: input.id }, data: { active: false } });
    await audit(tx, memberActor(ctx), { tenantId: ctx.tenant.id, action: 'coupon.deactivated', targetType: 'coupon', targetId: coupon.id, data: auditData(coupon) });
    return view(coupon);
  });
}
