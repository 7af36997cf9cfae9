import { encryptSecret, type KeyRing } from '@vitrine/core/crypto';
import type { PrismaClient } from '@vitrine/db';

/** What the purchase spec buys and uses at alpha (issue 4: storefront checkout). */
export const ALPHA_CHECKOUT = {
  product: { title: 'Alpha Oolong Tea', slug: 'alpha-oolong-tea' },
  variants: [
    { label: '50 g', sku: 'ALPHA-OOLONG-50', priceAmount: 1800, stock: 6 },
    { label: '100 g', sku: 'ALPHA-OOLONG-100', priceAmount: 3200, stock: 6 },
  ],
  coupon: { code: 'WELCOME10', percentBasisPoints: 1_000 },
  shipping: { name: 'Standard', priceAmount: 500, pickup: 'Alpha tea room, weekdays 9–17' },
  stripe: { publishableKey: 'pk_test_vitrine_e2e', secretKey: 'sk_test_vitrine_e2e', webhookSecret: 'whsec_vitrine_e2e' },
} as const;

/** The key ring server.ts gives the web app and the worker (DATA_ENCRYPTION_KEYS), to seal alpha's Stripe secrets. */
const E2E_KEY_RING: KeyRing = { currentKeyId: 'k1', keys: new Map([['k1', Buffer.from('g2TSOuscX2NiMxYkYPbp4UeCB5QOegwhwi8KS55xITo=', 'base64')]]) };

/**
 * Alpha sells: a tea in two sizes, a 10 % coupon, a flat shipping band with local pickup, and its payment settings
 * with the Stripe sandbox's key and webhook secret (sealed as the payments step seals them).
 */
export async function seedAlphaCheckout(prisma: PrismaClient, alphaId: string): Promise<void> {
  const c = ALPHA_CHECKOUT;
  const product = await prisma.product.create({ data: { tenantId: alphaId, title: c.product.title, slug: c.product.slug, status: 'ACTIVE', description: 'A roasted oolong from the hills.' } });
  for (const [position, v] of c.variants.entries()) {
    await prisma.productVariant.create({
      data: { tenantId: alphaId, productId: product.id, sku: v.sku, priceAmount: v.priceAmount, currency: 'USD', stock: v.stock, attributes: { Size: v.label }, position },
    });
  }
  await prisma.coupon.create({ data: { tenantId: alphaId, code: c.coupon.code, kind: 'PERCENT', value: c.coupon.percentBasisPoints } });
  await prisma.shippingRate.createMany({
    data: [
      { tenantId: alphaId, kind: 'ORDER_VALUE', name: c.shipping.name, minValue: 0, maxValue: null, priceAmount: c.shipping.priceAmount, currency: 'USD', position: 0 },
      { tenantId: alphaId, kind: 'PICKUP', name: c.shipping.pickup, minValue: 0, maxValue: null, priceAmount: 0, currency: 'USD', position: 1 },
    ],
  });
  await prisma.paymentSettings.create({
    data: {
      tenantId: alphaId,
      stripePublishableKey: c.stripe.publishableKey,
      stripeSecretKeyEnc: encryptSecret(c.stripe.secretKey, E2E_KEY_RING, `stripe-secret:${alphaId}`),
      stripeSecretLast4: c.stripe.secretKey.slice(-4),
      stripeWebhookSecretEnc: encryptSecret(c.stripe.webhookSecret, E2E_KEY_RING, `stripe-webhook-secret:${alphaId}`),
    },
  });
}
