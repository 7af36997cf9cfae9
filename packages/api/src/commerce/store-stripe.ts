import { decryptSecret } from '@vitrine/core/crypto';
import { TenantNotFoundError, type Database } from '@vitrine/db';
import { stripeClient, stripeEnvSchema, type Stripe } from '@vitrine/payments';
import { TRPCErrorWith } from '../errors.ts';
import { stripeSecretAad, stripeWebhookSecretAad } from '../routers/setup/payments.ts';

export const PAYMENTS_NOT_SET_UP = 'This store has not set up payments yet.';

/** STRIPE_API_BASE (the local sandbox), or undefined for Stripe itself. */
export function stripeApiBase(env: Record<string, string | undefined> = process.env): string | undefined {
  return stripeEnvSchema.pick({ STRIPE_API_BASE: true }).parse(env).STRIPE_API_BASE;
}

/** The store's own Stripe secret key, opened with the key ring (null when the store has not set up payments). */
export async function storeStripeSecretKey(db: Database, tenantId: string): Promise<string | null> {
  const tdb = await db.forTenant(tenantId);
  const row = await tdb.paymentSettings.findFirst({ select: { stripeSecretKeyEnc: true } });
  return row ? decryptSecret(row.stripeSecretKeyEnc, db.keyRing, stripeSecretAad(tenantId)) : null;
}

/**
 * The official SDK client for the store's own Stripe account (payments land there, not on the platform's).
 * A store without payment settings gets PRECONDITION_FAILED with a sentence the buyer or admin can read.
 */
export async function storeStripeClient(db: Database, tenantId: string, env: Record<string, string | undefined> = process.env): Promise<Stripe> {
  const secretKey = await storeStripeSecretKey(db, tenantId);
  if (!secretKey) throw TRPCErrorWith('PRECONDITION_FAILED', PAYMENTS_NOT_SET_UP);
  return stripeClient({ secretKey, apiBase: stripeApiBase(env) });
}

/**
 * The signing secret of the store's own webhook endpoint, for the webhook route (null when the store saved none or
 * does not exist: the event is then refused unless the platform's secret verified it).
 */
export async function storeWebhookSecret(db: Database, tenantId: string): Promise<string | null> {
  try {
    const tdb = await db.forTenant(tenantId);
    const row = await tdb.paymentSettings.findFirst({ select: { stripeWebhookSecretEnc: true } });
    return row?.stripeWebhookSecretEnc ? decryptSecret(row.stripeWebhookSecretEnc, db.keyRing, stripeWebhookSecretAad(tenantId)) : null;
  } catch (error) {
    if (error instanceof TenantNotFoundError) return null;
    throw error;
  }
}
