import { z } from 'zod';
import { storeLocaleSchema } from '../../lib/schemas.ts';
import { addressSchema, cartTokenSchema, emailSchema } from '../cart/inputs.ts';
import { trackingInput } from '../order-tracking/inputs.ts';

/** A phone as people type it ("+55 (11) 99999-0000"), kept as E.164 (+5511999990000); empty means none. */
export const phoneSchema = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.replace(/[\s().-]/g, '')) : v),
  z.string().regex(/^\+[1-9][0-9]{7,14}$/, 'Enter the phone with its country code, like +55 11 99999 0000').optional(),
);

export const placeOrderInput = z.object({
  cartToken: cartTokenSchema,
  email: emailSchema,
  name: z.string().trim().min(1, 'Fill in your name').max(120, 'Use at most 120 characters for your name'),
  /** For order notices by WhatsApp too. */
  phone: phoneSchema,
  address: addressSchema,
  shippingOptionId: z.string().trim().min(1, 'Choose a shipping option').max(64, 'Choose one of the shipping options offered'),
  /** The language the buyer shopped in (for their emails); the store's own by default. */
  locale: storeLocaleSchema.optional(),
});
export type PlaceOrderInput = z.infer<typeof placeOrderInput>;

/** An order of the buyer's, by the token of their order link (the same as the tracking page's). */
export const buyerOrderInput = trackingInput;
export type BuyerOrderInput = z.infer<typeof buyerOrderInput>;

export const payOrderInput = trackingInput.extend({
  /**
   * The store's address as the buyer's browser reached it (`http://alpha.localhost:3000`), for Stripe's return links;
   * it must name the request's own store host. By default the request's host on APP_URL's scheme.
   */
  origin: z.url({ protocol: /^https?$/, message: 'Give the store address as http(s)://host[:port]' }).optional(),
});
export type PayOrderInput = z.infer<typeof payOrderInput>;
