import { z } from 'zod';
import { INTERVALS } from '../../billing/prices.ts';

export const choosePlanInput = z.object({
  planCode: z.string().trim().min(1, 'Choose a plan.').max(60),
  interval: z.enum(INTERVALS, { message: 'Choose monthly or yearly billing.' }).default('month'),
});
export type ChoosePlanInput = z.output<typeof choosePlanInput>;
