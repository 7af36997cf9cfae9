import { z } from 'zod';
import { cursorInput } from '../../../lib/keyset.ts';
import { currencySchema, idSchema, itemSlugSchema, limitSchema } from '../../../lib/schemas.ts';

const amount = z
  .number({ message: 'Enter the price as a number' })
  .int('Use whole minor units for prices (e.g. 1990 for 19.90)')
  .min(0, 'A price cannot be negative')
  .max(1_000_000_000, 'This price is too large');

export const variantInput = z.object({
  sku: z
    .string()
    .trim()
    .min(1, 'Give each variant a SKU')
    .max(64, 'Use at most 64 characters for a SKU')
    .regex(/^[A-Za-z0-9._/-]+$/, 'Use letters, digits, dots, dashes, underscores or slashes in a SKU'),
  title: z.string().trim().max(120, 'Use at most 120 characters for a variant name').default(''),
  attributes: z.record(z.string().max(40), z.string().max(80)).default({}),
  priceAmount: amount,
  compareAtAmount: amount.nullable().optional(),
  /** Defaults to the store's currency. */
  currency: currencySchema.optional(),
  stock: z.number().int('Stock must be a whole number').min(0, 'Stock cannot be negative').max(10_000_000).default(0),
});

const variantsInput = <T extends z.ZodType<{ sku: string }>>(variant: T) =>
  z
    .array(variant)
    .min(1, 'Add at least one variant')
    .max(100, 'A product can have at most 100 variants')
    .superRefine((variants, ctx) => {
      const seen = new Set<string>();
      for (const [index, v] of variants.entries()) {
        if (seen.has(v.sku)) ctx.addIssue({ code: 'custom', path: [index, 'sku'], message: `SKU "${v.sku}" is used twice in this product` });
        seen.add(v.sku);
      }
    });

const title = z.string().trim().min(1, 'Give the product a title').max(200, 'Use at most 200 characters for the title');
const description = z.string().max(20_000, 'The description is too long (20,000 characters at most)');
const seoTitle = z.string().trim().max(70, 'Keep the search title under 70 characters').nullable();
const seoDescription = z.string().trim().max(160, 'Keep the search description under 160 characters').nullable();
const editableStatus = z.enum(['DRAFT', 'ACTIVE'], { message: 'Choose Draft or Active (archive with the archive action)' });

export const createProductInput = z.object({
  title,
  slug: itemSlugSchema.optional(),
  description: description.default(''),
  categoryId: idSchema.nullable().optional(),
  status: editableStatus.default('DRAFT'),
  seoTitle: seoTitle.optional(),
  seoDescription: seoDescription.optional(),
  variants: variantsInput(variantInput),
});

export const updateProductInput = z.object({
  id: idSchema,
  title: title.optional(),
  slug: itemSlugSchema.optional(),
  description: description.optional(),
  categoryId: idSchema.nullable().optional(),
  status: editableStatus.optional(),
  seoTitle: seoTitle.optional(),
  seoDescription: seoDescription.optional(),
  /** When given, the product's variants become exactly these: with an id → updated, without → created, missing → removed. */
  variants: variantsInput(variantInput.extend({ id: idSchema.optional() })).optional(),
});

export const listProductsInput = z.object({
  status: z.enum(['DRAFT', 'ACTIVE', 'ARCHIVED']).optional(),
  categoryId: idSchema.optional(),
  /** Matches the title or a SKU (case-insensitive). */
  search: z.string().trim().max(100, 'Search with at most 100 characters').optional(),
  limit: limitSchema.default(25),
  cursor: cursorInput,
});

export const productIdInput = z.object({ id: idSchema });

export type VariantInput = z.infer<typeof variantInput>;
export type CreateProductInput = z.infer<typeof createProductInput>;
export type UpdateProductInput = z.infer<typeof updateProductInput>;
export type ListProductsInput = z.infer<typeof listProductsInput>;
export type ProductIdInput = z.infer<typeof productIdInput>;
