import { z } from 'zod';
import { idSchema } from '../../lib/schemas.ts';

/** Codes: 3–40 letters, digits, hyphens or underscores, kept upper case (buyers may type them in any case). */
export const couponCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{3,40}$/, 'Use 3 to 40 letters, digits, hyphens or underscores for the code, like SUMMER10');

const whole = (what: string) => z.number({ message: `Give ${what} as a whole number` }).int(`Give ${what} as a whole number`);

/** The editable terms. PERCENT: `value` in basis points, 100–10 000 (1 %–100 %); FIXED: minor units above 0. */
const terms = z.object({
  kind: z.enum(['PERCENT', 'FIXED'], { message: 'Choose a percentage or a fixed amount' }),
  value: whole('the discount'),
  minimumOrderAmount: whole('the minimum order').min(0, 'The minimum order cannot be negative').default(0),
  startsAt: z.date().nullable().default(null),
  expiresAt: z.date().nullable().default(null),
  maxUses: whole('the number of uses').min(1, 'Allow at least 1 use, or leave it empty for no limit').nullable().default(null),
  maxUsesPerBuyer: whole('the uses per buyer').min(1, 'Allow at least 1 use per buyer, or leave it empty for no limit').nullable().default(null),
  active: z.boolean().default(true),
});
export type CouponTermsInput = z.infer<typeof terms>;

/** Rules across fields, also checked on the merged row of an update. */
export function couponTermsProblems(t: Pick<CouponTermsInput, 'kind' | 'value' | 'startsAt' | 'expiresAt'>): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (t.kind === 'PERCENT' && (t.value < 100 || t.value > 10_000)) {
    problems.push({ path: 'value', message: 'A percentage discount must be between 1% and 100% (100 to 10000 basis points)' });
  }
  if (t.kind === 'FIXED' && t.value <= 0) problems.push({ path: 'value', message: 'A fixed discount must be above 0' });
  if (t.startsAt && t.expiresAt && t.expiresAt <= t.startsAt) problems.push({ path: 'expiresAt', message: 'The coupon must expire after it starts' });
  return problems;
}

export const createCouponInput = terms.extend({ code: couponCodeSchema }).superRefine((v, ctx) => {
  for (const p of couponTermsProblems(v)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
});

/** Any of the terms; the code stays (orders and redemptions name it). */
export const updateCouponInput = z.object({
  id: idSchema,
  kind: terms.shape.kind.optional(),
  value: terms.shape.value.optional(),
  minimumOrderAmount: terms.shape.minimumOrderAmount.unwrap().optional(),
  startsAt: z.date().nullable().optional(),
  expiresAt: z.date().nullable().optional(),
  maxUses: terms.shape.maxUses.unwrap().optional(),
  maxUsesPerBuyer: terms.shape.maxUsesPerBuyer.unwrap().optional(),
  active: z.boolean().optional(),
});

export const couponIdInput = z.object({ id: idSchema });

export type CreateCouponInput = z.infer<typeof createCouponInput>;
export type UpdateCouponInput = z.infer<typeof updateCouponInput>;
export type CouponIdInput = z.infer<typeof couponIdInput>;
