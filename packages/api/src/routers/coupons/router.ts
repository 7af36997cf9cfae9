import { moduleProcedure } from '../../modules/procedure.ts';
import { router } from '../../trpc.ts';
import { createCoupon, deactivateCoupon, listCoupons, updateCoupon } from './coupons.ts';
import { couponIdInput, createCouponInput, updateCouponInput } from './inputs.ts';

/**
 * Discount codes. Permission `catalog`: a coupon is a price of the store's goods, so whoever may set prices
 * (OWNER, ADMIN, STAFF granted "catalog") runs promotions too; settings-only staff do not.
 */
export const couponsRouter = router({
  list: moduleProcedure('coupons', 'catalog:read').query(({ ctx }) => listCoupons(ctx)),
  create: moduleProcedure('coupons', 'catalog:write').input(createCouponInput).mutation(({ ctx, input }) => createCoupon(ctx, input)),
  update: moduleProcedure('coupons', 'catalog:write').input(updateCouponInput).mutation(({ ctx, input }) => updateCoupon(ctx, input)),
  deactivate: moduleProcedure('coupons', 'catalog:write').input(couponIdInput).mutation(({ ctx, input }) => deactivateCoupon(ctx, input)),
});
