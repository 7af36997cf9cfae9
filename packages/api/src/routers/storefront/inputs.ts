import { z } from 'zod';
import { cursorInput } from '../../lib/keyset.ts';
import { itemSlugSchema, limitSchema } from '../../lib/schemas.ts';

export const storefrontProductsInput = z.object({
  categorySlug: itemSlugSchema.optional(),
  limit: limitSchema.default(24),
  cursor: cursorInput,
});

export const storefrontProductInput = z.object({ slug: itemSlugSchema });

/** A category or a collection of the store by its address. */
export const storefrontGroupInput = z.object({ slug: itemSlugSchema });

export const SEARCH_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

const priceSchema = z
  .number({ message: 'Give prices in cents (whole numbers)' })
  .int('Give prices in cents (whole numbers)')
  .min(0, 'A price cannot be negative')
  .max(1_000_000_000, 'This price is too high');

export const storefrontSearchInput = z
  .object({
    query: z.string().max(200, 'Use at most 200 characters to search').default(''),
    /** The listing of one category (and its subcategories) or one collection. */
    category: itemSlugSchema.optional(),
    collection: itemSlugSchema.optional(),
    /** Prices from `priceMin` (inclusive) to `priceMax` (exclusive), minor units. */
    priceMin: priceSchema.optional(),
    priceMax: priceSchema.optional(),
    /** Option values by option name, e.g. { Size: ['M', 'L'] }: any of the values of each option (case ignored). */
    options: z
      .record(
        z.string().trim().min(1, 'An option needs a name').max(40, 'This option name is too long'),
        z.array(z.string().trim().min(1, 'An option value cannot be empty').max(80, 'This option value is too long')).min(1).max(20, 'Choose at most 20 values of one option'),
      )
      .default({})
      .refine((o) => Object.keys(o).length <= 5, 'Filter by at most 5 options at a time'),
    /** Relevance first when there is a query, newest first otherwise. */
    sort: z.enum(SEARCH_SORTS, { message: 'Sort by relevance, newest, price_asc or price_desc' }).optional(),
    page: z.number().int().min(1, 'Pages start at 1').max(200, 'This page is too far; narrow the search instead').default(1),
    limit: z.number().int().min(1, 'Ask for at least 1 product').max(60, 'Ask for at most 60 products at a time').default(24),
  })
  .refine((v) => v.priceMin === undefined || v.priceMax === undefined || v.priceMin < v.priceMax, {
    message: 'The lowest price must be below the highest price',
    path: ['priceMax'],
  });

export type StorefrontProductsInput = z.infer<typeof storefrontProductsInput>;
export type StorefrontProductInput = z.infer<typeof storefrontProductInput>;
export type StorefrontGroupInput = z.infer<typeof storefrontGroupInput>;
export type StorefrontSearchInput = z.infer<typeof storefrontSearchInput>;
