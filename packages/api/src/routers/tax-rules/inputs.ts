import { z } from 'zod';
import { idSchema } from '../../lib/schemas.ts';

export const upsertTaxRuleInput = z.object({
  /** Given: change that rule; absent: a new rule. */
  id: idSchema.optional(),
  name: z.string().trim().min(1, 'Name the tax, like VAT or ICMS').max(60, 'Use at most 60 characters for the tax name'),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Use a two-letter country code like BR or US'),
  /** A state or region code (SP, CA); empty or absent for the whole country. */
  region: z
    .string()
    .trim()
    .toUpperCase()
    .max(10, 'Use the short code of the state or region, like SP or CA')
    .regex(/^[A-Z0-9-]*$/, 'Use the short code of the state or region, like SP or CA')
    .nullish()
    .transform((v) => v || null),
  /** 1 % = 100; 0 to 100 %. */
  rateBasisPoints: z
    .number({ message: 'Give the rate in basis points (1% = 100)' })
    .int('Give the rate in basis points (1% = 100)')
    .min(0, 'A tax rate cannot be negative')
    .max(10_000, 'A tax rate cannot be above 100%'),
  appliesToShipping: z.boolean().default(false),
});

export const taxRuleIdInput = z.object({ id: idSchema });

export type UpsertTaxRuleInput = z.infer<typeof upsertTaxRuleInput>;
export type TaxRuleIdInput = z.infer<typeof taxRuleIdInput>;
