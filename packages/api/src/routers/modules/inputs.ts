import { z } from 'zod';
import { idSchema } from '../../lib/schemas.ts';
import { MODULE_CODES } from '../../modules/catalogue.ts';

export const moduleCodeSchema = z.enum(MODULE_CODES, { message: 'Choose one of the modules' });

/** An owner or admin switching a module off (or back on) for one STAFF member. */
export const memberModuleInput = z.object({ userId: idSchema, module: moduleCodeSchema, enabled: z.boolean() });
export type MemberModuleInput = z.infer<typeof memberModuleInput>;

/** The store platform staff look at, by its address (slug). */
export const storeBySlugInput = z.object({
  slug: z.string().trim().toLowerCase().min(1, 'Type the store’s address').max(63, 'Store addresses have at most 63 characters'),
});
export type StoreBySlugInput = z.infer<typeof storeBySlugInput>;

/** Platform staff's decision for a store: on, off, or back to what the plan says (the override removed). */
export const tenantModuleInput = z
  .object({
    tenantId: idSchema,
    module: moduleCodeSchema,
    state: z.enum(['on', 'off', 'plan'], { message: 'Choose on, off or as the plan says' }),
    reason: z.string().trim().max(500, 'Keep the reason under 500 characters').default(''),
  })
  .refine((v) => v.state === 'plan' || v.reason.length > 0, { path: ['reason'], message: 'Say why (the store’s audit log keeps it)' });
export type TenantModuleInput = z.infer<typeof tenantModuleInput>;
