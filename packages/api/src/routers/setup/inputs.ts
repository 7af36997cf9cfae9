import { z } from 'zod';
import { hexColorSchema } from '../../lib/schemas.ts';
import { MAX_IMAGES_PER_PRODUCT } from '../catalog/images/limits.ts';
import { storeSlugSchema } from '../tenant/slug.ts';
import { MARKET_COUNTRIES, MARKET_CURRENCIES, MARKET_LOCALES, NICHES } from './market-defaults.ts';
import { SETUP_STEPS } from './steps.ts';
import { STORE_THEMES } from './themes.ts';

const storeName = z.string().trim().min(2, 'Give the store a name of at least 2 characters').max(80, 'Use at most 80 characters for the name');

export const slugAvailabilityInput = z.object({ slug: z.string().trim().toLowerCase().max(100) });

export const identityInput = z.object({
  name: storeName,
  slug: storeSlugSchema,
  /** A logo uploaded through /api/uploads/images (purpose logo), or none. */
  logoUrl: z
    .string()
    .trim()
    .max(2048)
    .refine((v) => v.startsWith('/media/') || /^https:\/\//.test(v), 'Upload the logo, or use a full https:// address')
    .nullable()
    .optional(),
  primaryColor: hexColorSchema,
  accentColor: hexColorSchema,
});

export const themeInput = z.object({ theme: z.enum(STORE_THEMES, { message: 'Choose one of the available themes' }) });
export const previewInput = z.object({ theme: z.enum(STORE_THEMES, { message: 'Choose one of the available themes' }).optional() });

export const marketInput = z.object({
  niche: z.enum(NICHES, { message: 'Choose what the store sells' }),
  country: z.enum(MARKET_COUNTRIES as [string, ...string[]], { message: 'Choose a country from the list' }),
  currency: z.enum(MARKET_CURRENCIES as [string, ...string[]], { message: 'Choose a currency from the list' }),
  locale: z.enum(MARKET_LOCALES, { message: 'Choose a language from the list' }),
});

const optionAxis = z.object({
  name: z.string().trim().min(1, 'Name the option, like Size').max(40, 'Use at most 40 characters for an option name'),
  values: z
    .array(z.string().trim().min(1, 'An option value cannot be empty').max(40, 'Use at most 40 characters for an option value'))
    .min(1, 'Give the option at least one value')
    .max(20, 'Use at most 20 values per option')
    .refine((values) => new Set(values.map((v) => v.toLowerCase())).size === values.length, 'Each value of an option must be different'),
});

const minor = z
  .number({ message: 'Enter the price as a number' })
  .int('Use whole minor units for prices (e.g. 1990 for 19.90)')
  .min(0, 'A price cannot be negative')
  .max(1_000_000_000, 'This price is too large');

export const firstProductInput = z
  .object({
    title: z.string().trim().min(1, 'Give the product a title').max(200, 'Use at most 200 characters for the title'),
    description: z.string().max(20_000, 'The description is too long (20,000 characters at most)').default(''),
    priceAmount: minor,
    /** Stock of each generated variant. */
    stock: z.number().int('Stock must be a whole number').min(0, 'Stock cannot be negative').max(10_000_000),
    /** Option axes (e.g. Size × Colour); every combination becomes a variant with its own SKU. */
    options: z.array(optionAxis).max(3, 'Use at most 3 options').default([]),
    /** Keys of photos uploaded for this product (POST /api/uploads/images), attached with it in one transaction. */
    imageKeys: z.array(z.string().min(1).max(200)).max(MAX_IMAGES_PER_PRODUCT, `Add at most ${MAX_IMAGES_PER_PRODUCT} photos`).default([]),
  })
  .superRefine((v, ctx) => {
    const names = v.options.map((o) => o.name.toLowerCase());
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'Each option needs a different name' });
    const combinations = v.options.reduce((n, o) => n * o.values.length, 1);
    if (combinations > 100) ctx.addIssue({ code: 'custom', path: ['options'], message: `These options make ${combinations} variants; 100 at most` });
  });

export const stripeSettingsInput = z.object({
  publishableKey: z
    .string()
    .trim()
    .regex(/^pk_(test|live)_\w{8,}$/, 'Paste the publishable key from Stripe: it starts with pk_test_ or pk_live_'),
  secretKey: z
    .string()
    .trim()
    .regex(/^(sk|rk)_(test|live)_\w{8,}$/, 'Paste the secret key from Stripe: it starts with sk_test_ or sk_live_'),
  /**
   * The signing secret of the store's own webhook endpoint (Stripe → Developers → Webhooks, pointing at
   * /api/webhooks/stripe). Optional: empty keeps the one saved before.
   */
  webhookSecret: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().regex(/^whsec_[A-Za-z0-9_]{8,}$/, "Paste the webhook's signing secret from Stripe: it starts with whsec_").optional(),
  ),
}).refine((v) => v.publishableKey.split('_')[1] === v.secretKey.split('_')[1], {
  path: ['secretKey'],
  message: 'Use keys of the same mode: both test or both live',
});

const band = z.object({
  name: z.string().trim().min(1, 'Name the rate, like Standard').max(60, 'Use at most 60 characters for a rate name'),
  minValue: z.number().int('Use whole numbers for the band').min(0, 'A band cannot start below 0'),
  /** Exclusive; null for "and above". */
  maxValue: z.number().int('Use whole numbers for the band').positive('A band must end above 0').nullable(),
  priceAmount: minor,
});

export const shippingInput = z
  .object({
    /** Bands by weight (grams) or by order value (minor units); one basis per store. */
    basis: z.enum(['WEIGHT', 'ORDER_VALUE'], { message: 'Choose bands by weight or by order value' }),
    bands: z.array(band).max(20, 'Use at most 20 bands'),
    pickup: z
      .object({
        name: z.string().trim().min(1, 'Say where the pickup is').max(120, 'Use at most 120 characters for the pickup place'),
        priceAmount: minor,
      })
      .nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.bands.length === 0 && !v.pickup) ctx.addIssue({ code: 'custom', path: ['bands'], message: 'Add at least one shipping band or local pickup' });
    v.bands.forEach((b, i) => {
      if (b.maxValue !== null && b.maxValue <= b.minValue) {
        ctx.addIssue({ code: 'custom', path: ['bands', i, 'maxValue'], message: 'The end of a band must be above its start' });
      }
    });
    const sorted = v.bands.map((b, i) => ({ ...b, i })).sort((a, b) => a.minValue - b.minValue);
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1]!;
      const cur = sorted[k]!;
      if (prev.maxValue === null || cur.minValue < prev.maxValue) {
        ctx.addIssue({ code: 'custom', path: ['bands', cur.i, 'minValue'], message: `This band overlaps "${prev.name}"` });
      }
    }
  });

export const customDomainInput = z.object({
  hostname: z
    .string()
    .trim()
    .toLowerCase()
    .max(253, 'This domain is too long')
    .regex(/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Enter a domain like shop.example.com, without https://'),
});

export const publishInput = z.object({ published: z.boolean() });
export const stepInput = z.object({ step: z.enum(SETUP_STEPS, { message: 'Unknown setup step' }) });

export type IdentityInput = z.infer<typeof identityInput>;
export type MarketInput = z.infer<typeof marketInput>;
export type FirstProductInput = z.infer<typeof firstProductInput>;
export type StripeSettingsInput = z.infer<typeof stripeSettingsInput>;
export type ShippingInput = z.infer<typeof shippingInput>;
export type CustomDomainInput = z.infer<typeof customDomainInput>;
