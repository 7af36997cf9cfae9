import { z } from 'zod';
import { cursorInput } from '../../lib/keyset.ts';
import { itemSlugSchema, limitSchema } from '../../lib/schemas.ts';

export const storefrontProductsInput = z.object({
  categorySlug: itemSlugSchema.optional(),
  limit: limitSchema.default(24),
  cursor: cursorInput,
});

export const storefrontProductInput = z.object({ slug: itemSlugSchema });

export type StorefrontProductsInput = z.infer<typeof storefrontProductsInput>;
export type StorefrontProductInput = z.infer<typeof storefrontProductInput>;
