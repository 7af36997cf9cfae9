import { encryptSecret } from '@vitrine/core/crypto';
import { audit, memberActor } from '../../audit.ts';
import type { TenantContext } from '../../trpc.ts';
import type { StripeSettingsInput } from './inputs.ts';
import { markStep } from './progress.ts';

/** What the admin may see of the payment settings: never the secret, only "sk_test_…last4". */
export async function paymentSettings(ctx: TenantContext) {
  const row = await ctx.tdb.paymentSettings.findFirst();
  if (!row) return { provider: null, readyToSell: false, publishableKey: null, secretKeyHint: null, webhookSecretSet: false };
  return {
    provider: row.provider as 'stripe',
    readyToSell: true,
    publishableKey: row.stripePublishableKey,
    secretKeyHint: secretHint(row.stripePublishableKey, row.stripeSecretLast4),
    webhookSecretSet: row.stripeWebhookSecretEnc !== null,
  };
}

const secretHint = (publishableKey: string, last4: string) => `sk_${publishableKey.startsWith('pk_live_') ? 'live' : 'test'}_…${last4}`;

/** The sealed secret is bound to its store (associated data), so a copied value does not open elsewhere. */
export const stripeSecretAad = (tenantId: string) => `stripe-secret:${tenantId}`;
/** The same binding for the store's webhook signing secret. */
export const stripeWebhookSecretAad = (tenantId: string) => `stripe-webhook-secret:${tenantId}`;

/** Step 5: Stripe's keys; the secret key is sealed with AES-256-GCM before it reaches the database. */
export async function saveStripeSettings(ctx: TenantContext, input: StripeSettingsInput) {
  const tenantId = ctx.tenant.id;
  const data = {
    provider: 'stripe',
    stripePublishableKey: input.publishableKey,
    stripeSecretKeyEnc: encryptSecret(input.secretKey, ctx.db.keyRing, stripeSecretAad(tenantId)),
    stripeSecretLast4: input.secretKey.slice(-4),
    // Left out when not typed: the secret saved before stays.
    ...(input.webhookSecret ? { stripeWebhookSecretEnc: encryptSecret(input.webhookSecret, ctx.db.keyRing, stripeWebhookSecretAad(tenantId)) } : {}),
  };
  await ctx.tdb.$scoped(async (tx) => {
    await tx.paymentSettings.upsert({ where: { tenantId }, create: { tenantId, ...data }, update: data });
    await audit(tx, memberActor(ctx), {
      tenantId,
      action: 'setup.payments_saved',
      targetType: 'tenant',
      targetId: tenantId,
      data: {
        provider: 'stripe',
        publishableKey: input.publishableKey,
        secretKeyHint: secretHint(input.publishableKey, data.stripeSecretLast4),
        webhookSecretChanged: Boolean(input.webhookSecret),
      },
    });
    await markStep(tx, tenantId, 'payments');
  });
  return paymentSettings(ctx);
}

/** Step 5 skipped: the store can be published, but its checkout says it is not ready to sell. */
export async function skipPayments(ctx: TenantContext) {
  const tenantId = ctx.tenant.id;
  await ctx.tdb.$scoped(async (tx) => {
    await audit(tx, memberActor(ctx), { tenantId, action: 'setup.payments_skipped', targetType: 'tenant', targetId: tenantId });
    await markStep(tx, tenantId, 'payments', 'skipped');
  });
  return paymentSettings(ctx);
}
