import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptSecret } from '@vitrine/core/crypto';
import { startStripeSandbox, type StripeSandbox } from '@vitrine/stripe-sandbox';
import { createApiHarness, type ApiHarness } from '../test-support/harness.ts';
import { expectTRPCError } from '../test-support/expect-error.ts';
import { twoStores, type TwoStores } from '../test-support/two-stores.ts';
import { stripeSecretAad } from '../routers/setup/payments.ts';
import { storeStripeClient, storeWebhookSecret } from './store-stripe.ts';

let h: ApiHarness;
let s: TwoStores;
let sandbox: StripeSandbox;

beforeAll(async () => {
  h = await createApiHarness('store_stripe');
  s = await twoStores(h, 'stripe-keys');
  sandbox = await startStripeSandbox({ secretKey: 'sk_test_storeA_own_key' });
  await h.owner.paymentSettings.create({
    data: {
      tenantId: s.storeA.id,
      stripePublishableKey: 'pk_test_storeA_own_key',
      stripeSecretKeyEnc: encryptSecret('sk_test_storeA_own_key', h.db.keyRing, stripeSecretAad(s.storeA.id)),
      stripeSecretLast4: '_key',
    },
  });
});
afterAll(async () => {
  await sandbox?.stop();
  await h?.close();
});

describe('storeStripeClient', () => {
  it("talks to Stripe with the store's own decrypted secret key", async () => {
    const stripe = await storeStripeClient(h.db, s.storeA.id, { STRIPE_API_BASE: sandbox.url });
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      success_url: 'http://a.test/ok',
      line_items: [{ price_data: { currency: 'brl', unit_amount: 1234, product_data: { name: 'Vaso' } }, quantity: 2 }],
    });
    expect(session.amount_total).toBe(2468);
  });

  it('refuses a store without payment settings with a sentence (PRECONDITION_FAILED)', async () => {
    await expectTRPCError(storeStripeClient(h.db, s.storeB.id, { STRIPE_API_BASE: sandbox.url }), 'PRECONDITION_FAILED', /has not set up payments yet/);
  });

  it("keeps the store's webhook signing secret sealed; an empty field keeps the saved one; a malformed one is refused beside the field", async () => {
    const asBob = s.asBob();
    expect(await storeWebhookSecret(h.db, s.storeB.id)).toBeNull();
    const saved = await asBob.setup.payments.saveStripe({ publishableKey: 'pk_test_storeB0123', secretKey: 'sk_test_storeB0123', webhookSecret: 'whsec_storeB_own_0123' });
    expect(saved).toMatchObject({ webhookSecretSet: true });
    const row = await h.owner.paymentSettings.findUniqueOrThrow({ where: { tenantId: s.storeB.id } });
    expect(row.stripeWebhookSecretEnc).not.toContain('whsec_storeB_own_0123');
    expect(await storeWebhookSecret(h.db, s.storeB.id)).toBe('whsec_storeB_own_0123');
    expect(JSON.stringify(await asBob.setup.payments.get())).not.toContain('whsec_');

    await asBob.setup.payments.saveStripe({ publishableKey: 'pk_test_storeB0123', secretKey: 'sk_test_storeB0456', webhookSecret: '' });
    expect(await storeWebhookSecret(h.db, s.storeB.id)).toBe('whsec_storeB_own_0123');
    const refused = await expectTRPCError(asBob.setup.payments.saveStripe({ publishableKey: 'pk_test_storeB0123', secretKey: 'sk_test_storeB0123', webhookSecret: 'sk_test_wrong' }), 'BAD_REQUEST', /whsec_/);
    expect((refused.cause as unknown as { issues: { path: string[] }[] }).issues[0]!.path).toEqual(['webhookSecret']);
    // Store A's secret is not store B's, and an unknown store has none.
    expect(await storeWebhookSecret(h.db, s.storeA.id)).toBeNull();
    expect(await storeWebhookSecret(h.db, 'no_such_store')).toBeNull();
  });
});
