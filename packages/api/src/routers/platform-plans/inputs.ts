import { z } from 'zod';
import { currencySchema } from '../../lib/schemas.ts';
import { MODULE_CODES } from '../../modules/catalogue.ts';
import { LIMIT_KEYS, type LimitKey } from '../../plans/limits.ts';

export const planCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens for the code')
  .max(40, 'Use at most 40 characters for the code');

/** One limit: a whole number of at least 0, or null for no limit. */
const limitSchema = z.number({ message: 'Write a whole number, or leave it empty for no limit' }).int('Write a whole number').min(0, 'A limit cannot be negative').max(1_000_000_000, 'This limit is too large').nullable();
const limitsSchema = z.object(Object.fromEntries(LIMIT_KEYS.map((k) => [k, limitSchema])) as Record<LimitKey, typeof limitSchema>);

const planFields = {
  name: z.string().trim().min(1, 'Give the plan a name').max(60, 'Use at most 60 characters for the name'),
  limits: limitsSchema,
  priceAmount: z.number({ message: 'Write the price in cents' }).int('Write the price in cents').min(0, 'A price cannot be negative').max(100_000_000, 'This price is too large'),
  currency: currencySchema,
  trialDays: z.number({ message: 'Write a number of days' }).int('Write a whole number of days').min(0, 'Trial days cannot be negative').max(365, 'A trial lasts at most 365 days'),
  /** Place in the public catalogue (1 = cheapest); null: a custom plan, not offered. */
  rank: z.number().int('Write a whole number').min(1, 'Ranks start at 1').max(999, 'Use a rank up to 999').nullable(),
  modules: z.array(z.enum(MODULE_CODES, { message: 'Choose among the modules' })).max(MODULE_CODES.length).default([]),
};

export const createPlanInput = z.object({ code: planCodeSchema, ...planFields });
export type CreatePlanInput = z.infer<typeof createPlanInput>;

export const updatePlanInput = z.object({ code: z.string().trim().min(1, 'A plan code is required').max(40), ...planFields });
export type UpdatePlanInput = z.infer<typeof updatePlanInput>;

export const planCodeInput = z.object({ code: z.string().trim().min(1, 'A plan code is required').max(40) });
export type PlanCodeInput = z.infer<typeof planCodeInput>;
