import { z } from 'zod';
import { cursorInput } from '../../lib/keyset.ts';
import { countrySchema, currencySchema, idSchema, limitSchema, localeSchema } from '../../lib/schemas.ts';
import { storeSlugSchema } from '../tenant/slug.ts';

const planCodeSchema = z.string().trim().min(1, 'Choose a plan').max(64, 'This plan code is too long');

export const listClientsInput = z.object({
  /** Part of the name or the address. */
  search: z.string().trim().max(100, 'Search with at most 100 characters').optional(),
  status: z.enum(['TRIAL', 'ACTIVE', 'SUSPENDED', 'CANCELLED']).optional(),
  planCode: z.string().trim().max(64).optional(),
  limit: limitSchema.default(50),
  cursor: cursorInput,
});

export const clientIdInput = z.object({ tenantId: idSchema });

export const createClientInput = z.object({
  name: z.string().trim().min(2, 'Give the store a name of at least 2 characters').max(80, 'Use at most 80 characters for the name'),
  slug: storeSlugSchema,
  ownerEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'Enter a valid email address' }).max(254, 'This email address is too long')),
  planCode: planCodeSchema,
  locale: localeSchema.optional(),
  currency: currencySchema.optional(),
  country: countrySchema.optional(),
});

export const changeClientPlanInput = z.object({ tenantId: idSchema, planCode: planCodeSchema });

export const suspendClientInput = z.object({
  tenantId: idSchema,
  reason: z.string().trim().min(5, 'Say why the store is suspended (at least 5 characters)').max(500, 'Keep the reason under 500 characters'),
});

export const reactivateClientInput = z.object({ tenantId: idSchema });

export type ListClientsInput = z.infer<typeof listClientsInput>;
export type ClientIdInput = z.infer<typeof clientIdInput>;
export type CreateClientInput = z.infer<typeof createClientInput>;
export type ChangeClientPlanInput = z.infer<typeof changeClientPlanInput>;
export type SuspendClientInput = z.infer<typeof suspendClientInput>;
export type ReactivateClientInput = z.infer<typeof reactivateClientInput>;
