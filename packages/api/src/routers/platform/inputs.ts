import { z } from 'zod';
import { cursorInput } from '../../lib/keyset.ts';
import { idSchema, limitSchema } from '../../lib/schemas.ts';
import { IMPERSONATION_MINUTES } from '../../impersonation/grants.ts';

export const listTenantsInput = z.object({
  /** Part of the name or the address. */
  search: z.string().trim().max(100, 'Search with at most 100 characters').optional(),
  status: z.enum(['TRIAL', 'ACTIVE', 'SUSPENDED', 'CANCELLED']).optional(),
  /** A plan code. */
  plan: z.string().trim().min(1).max(64, 'This plan code is too long').optional(),
  /** A partner's id, or 'none' for direct clients. */
  partnerId: idSchema.optional(),
  limit: limitSchema.default(50),
  cursor: cursorInput,
});

export const suspendTenantInput = z.object({
  tenantId: idSchema,
  reason: z.string().trim().min(5, 'Say why the store is suspended (at least 5 characters)').max(500, 'Keep the reason under 500 characters'),
});

export const reactivateTenantInput = z.object({
  tenantId: idSchema,
  note: z.string().trim().max(500, 'Keep the note under 500 characters').optional(),
});

export type ListTenantsInput = z.infer<typeof listTenantsInput>;
export type SuspendTenantInput = z.infer<typeof suspendTenantInput>;
export type ReactivateTenantInput = z.infer<typeof reactivateTenantInput>;

const reasonSchema = (what: string) =>
  z.string().trim().min(5, `Say why ${what} (at least 5 characters)`).max(500, 'Keep the reason under 500 characters');

export const tenantIdInput = z.object({ tenantId: idSchema });

export const changePlanInput = z.object({
  tenantId: idSchema,
  planCode: z.string().trim().min(1, 'Choose a plan').max(64, 'This plan code is too long'),
  reason: reasonSchema('the plan changes'),
});

export const extendTrialInput = z.object({
  tenantId: idSchema,
  days: z.coerce.number().int('Use whole days').min(1, 'Extend by at least 1 day').max(90, 'Extend by at most 90 days at a time'),
  reason: reasonSchema('the trial is extended'),
});

export const startImpersonationInput = z.object({
  tenantId: idSchema,
  reason: reasonSchema('you enter this store'),
  mode: z.enum(['READ_ONLY', 'FULL'], { message: 'Choose read-only or full access' }),
  minutes: z.coerce
    .number()
    .int('Use whole minutes')
    .min(IMPERSONATION_MINUTES.min, `Stay at least ${IMPERSONATION_MINUTES.min} minutes`)
    .max(IMPERSONATION_MINUTES.max, `Stay at most ${IMPERSONATION_MINUTES.max} minutes`),
});

export const grantIdInput = z.object({ grantId: idSchema });

export type ChangePlanInput = z.infer<typeof changePlanInput>;
export type ExtendTrialInput = z.infer<typeof extendTrialInput>;
