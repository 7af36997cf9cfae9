import { z } from 'zod';
import { cursorInput } from '../../../lib/keyset.ts';
import { currencySchema, idSchema, itemSlugSchema, limitSchema } from '../../../lib/schemas.ts';
import { MAX_IMAGES_PER_PRODUCT } from '../images/limits.ts';
import { newImageInput } from '../images/inputs.ts';

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
  /** A combination the store does not sell; its SKU and stock are kept. */
  enabled: z.boolean().default(true),
});

const optionName = z.string().trim().min(1, 'Name each option (e.g. Size)').max(40, 'Use at most 40 characters for an option name');
const optionValue = z.string().trim().min(1, 'An option value cannot be empty').max(40, 'Use at most 40 characters for an option value');

/** Option axes, e.g. Size: S, M, L × Colour: Black, White. */
export const optionsInput = z
  .array(
    z.object({
      name: optionName,
      values: z
        .array(optionValue)
        .min(1, 'Give each option at least one value')
        .max(30, 'An option can have at most 30 values')
        .refine((values) => new Set(values.map((v) => v.toLowerCase())).size === values.length, 'Each value of an option must be different'),
    }),
  )
  .max(3, 'A product can have at most 3 options')
  .refine((options) => new Set(options.map((o) => o.name.toLowerCase())).size === options.length, 'Each option needs a different name')
  .refine((options) => options.reduce((n, o) => n * o.values.length, 1) <= 100, 'These options make more than 100 combinations');

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
  options: optionsInput.default([]),
  variants: variantsInput(variantInput),
  /** Uploaded images attached in the same transaction, in this order. */
  images: z
    .array(newImageInput)
    .max(MAX_IMAGES_PER_PRODUCT, `A product can have at most ${MAX_IMAGES_PER_PRODUCT} images`)
    .refine((list) => new Set(list.map((i) => i.key)).size === list.length, 'The same image is listed twice')
    .default([]),
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
  /** Given together with variants: each variant then names one value of every option in its attributes. */
  options: optionsInput.optional(),
  /** When given, the product's variants become exactly these: with an id → updated, without → created, missing → removed. */
  variants: variantsInput(variantInput.extend({ id: idSchema.optional() })).optional(),
});

export const STOCK_FILTERS = ['in', 'out', 'low'] as const;
/** "Low" is 1 to this many units across the enabled variants. */
export const LOW_STOCK = 5;

export const listProductsInput = z.object({
  status: z.enum(['DRAFT', 'ACTIVE', 'ARCHIVED']).optional(),
  categoryId: idSchema.optional(),
  collectionId: idSchema.optional(),
  stock: z.enum(STOCK_FILTERS, { message: 'Choose in stock, out of stock or low stock' }).optional(),
  /** Words that start title words or SKUs, without regard to case or accents ("cam azu" finds "Camiseta Azul"). */
  search: z.string().trim().max(100, 'Search with at most 100 characters').optional(),
  limit: limitSchema.default(25),
  cursor: cursorInput,
});

export const productIdInput = z.object({ id: idSchema });

export const previewVariantsInput = z.object({
  /** The product whose SKUs may be reused (editing); absent for a new product. */
  productId: idSchema.optional(),
  /** The product's address or title, for the SKU pattern <SLUG>-<VALUE>-<VALUE>. */
  slug: z.string().trim().min(1, 'Give the product a title first').max(200),
  options: optionsInput.refine((o) => o.length > 0, 'Add at least one option to make variants'),
  priceAmount: amount.default(0),
  /** Variants already on the form: combinations found here keep their SKU, price, stock and state. */
  current: z.array(variantInput.extend({ id: idSchema.optional() })).max(100).default([]),
});

export const bulkActionInput = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['archive', 'restore', 'publish', 'unpublish']), ids: z.array(idSchema) }),
  z.object({ action: z.literal('setCategory'), ids: z.array(idSchema), categoryId: idSchema.nullable() }),
  z.object({ action: z.literal('addToCollection'), ids: z.array(idSchema), collectionId: idSchema }),
]).superRefine((input, ctx) => {
  if (input.ids.length === 0) ctx.addIssue({ code: 'custom', path: ['ids'], message: 'Select at least one product' });
  if (input.ids.length > 500) ctx.addIssue({ code: 'custom', path: ['ids'], message: 'Select at most 500 products at a time' });
});

export type VariantInput = z.infer<typeof variantInput>;
export type CreateProductInput = z.infer<typeof createProductInput>;
export type UpdateProductInput = z.infer<typeof updateProductInput>;
export type ListProductsInput = z.infer<typeof listProductsInput>;
export type ProductIdInput = z.infer<typeof productIdInput>;
export type OptionsInput = z.infer<typeof optionsInput>;
export type PreviewVariantsInput = z.infer<typeof previewVariantsInput>;
export type BulkActionInput = z.infer<typeof bulkActionInput>;
