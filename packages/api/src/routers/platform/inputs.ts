import { z } from 'zod';
import { cursorInput } from '../../lib/keyset.ts';
import { idSchema, limitSchema } from '../../lib/schemas.ts';

export const listTenantsInput = z.object({
  /** Part of the name or the address. */
  search: z.string().trim().max(100, 'Search with at most 100 characters').optional(),
  status: z.enum(['TRIAL', 'ACTIVE', 'SUSPENDED', 'CANCELLED']).optional(),
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
