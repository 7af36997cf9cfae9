import { z } from 'zod';
import { TOKEN_PATTERN } from '../../commerce/tokens.ts';
import { idSchema } from '../../lib/schemas.ts';

/** The buyer's cart token (the web's cookie): an opaque random value of 32–128 URL-safe characters. */
export const cartTokenSchema = z.string().regex(TOKEN_PATTERN, 'This cart is not valid any more; reload the page to start a new one.');

const quantitySchema = z
  .number({ message: 'Give the quantity as a whole number' })
  .int('Give the quantity as a whole number')
  .max(999, 'Order at most 999 of one item');

export const cartInput = z.object({ cartToken: cartTokenSchema });
export const addItemInput = cartInput.extend({ variantId: idSchema, quantity: quantitySchema.min(1, 'Add at least 1').default(1) });
/** Quantity 0 removes the item. */
export const updateItemInput = cartInput.extend({ variantId: idSchema, quantity: quantitySchema.min(0, 'A quantity cannot be negative') });
export const removeItemInput = cartInput.extend({ variantId: idSchema });
export const applyCouponInput = cartInput.extend({
  code: z.string().trim().min(1, 'Type the coupon code').max(40, 'This coupon code is too long'),
});

const line = (what: string, max: number) =>
  z.string().trim().min(1, `Fill in the ${what}`).max(max, `Use at most ${max} characters for the ${what}`);

/** Where the order goes; the country and region also choose the tax rule. */
export const addressSchema = z.object({
  line1: line('street address', 200),
  line2: z.string().trim().max(200, 'Use at most 200 characters for the second address line').optional(),
  city: line('city', 100),
  region: z.string().trim().max(50, 'Use at most 50 characters for the state or region').optional(),
  postalCode: line('postal code', 20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Choose the country (a two-letter code like BR or US)'),
});
export type Address = z.infer<typeof addressSchema>;

export const emailSchema = z.string().trim().toLowerCase().max(254, 'This email address is too long').pipe(z.email('Enter an email address like ana@example.com'));

export const shippingOptionsInput = cartInput.extend({ address: addressSchema });
export const quoteInput = cartInput.extend({
  address: addressSchema,
  shippingOptionId: z.string().trim().min(1, 'Choose a shipping option').max(64, 'Choose one of the shipping options offered'),
  /** The buyer's email when known: the coupon's per-buyer limit is then checked too. */
  email: emailSchema.optional(),
});

export type CartInput = z.infer<typeof cartInput>;
export type AddItemInput = z.infer<typeof addItemInput>;
export type UpdateItemInput = z.infer<typeof updateItemInput>;
export type RemoveItemInput = z.infer<typeof removeItemInput>;
export type ApplyCouponInput = z.infer<typeof applyCouponInput>;
export type ShippingOptionsInput = z.infer<typeof shippingOptionsInput>;
export type QuoteInput = z.infer<typeof quoteInput>;
