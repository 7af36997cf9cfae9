import { storeWebhookSecret } from '@vitrine/api';
import { createLogger } from '@vitrine/core/logger';
import { handleStripeWebhook, STRIPE_WEBHOOK_MAX_BYTES, stripeWebhookSecret } from '@vitrine/payments';
import { getDb } from '../../../../src/server/db.ts';

/**
 * Stripe events: POST /api/webhooks/stripe (ARCHITECTURE §5), the platform's and the stores' own (a store's
 * Stripe account sends its checkout events here too). The signature (Stripe-Signature, checked on the raw bytes
 * with STRIPE_WEBHOOK_SECRET, then with the webhook secret the store named by metadata.tenant_id saved in its
 * payment settings) is the only credential: no session, no Origin check, and the
 * proxy passes /api/* through. A verified event is stored in webhook_events with its `stripe.event` job
 * (one transaction) and answered 200 at once, a duplicate too; a bad or missing signature is a 400 with a
 * short sentence. Anything else is a 500, which Stripe retries.
 */
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const log = createLogger('web').child({ component: 'stripe-webhook' });
const headers = { 'cache-control': 'no-store' };

export async function POST(req: Request): Promise<Response> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > STRIPE_WEBHOOK_MAX_BYTES) return Response.json({ error: 'The body is too large for a Stripe event.' }, { status: 413, headers });
  try {
    const secret = stripeWebhookSecret();
    const rawBody = new Uint8Array(await req.arrayBuffer());
    const db = getDb();
    const response = await handleStripeWebhook(db, {
      rawBody,
      signature: req.headers.get('stripe-signature'),
      secret,
      storeSecret: (tenantId) => storeWebhookSecret(db, tenantId),
    });
    if (response.status !== 200) {
      log.warn({ status: response.status }, 'error' in response.body ? response.body.error : 'Stripe webhook refused');
    } else if (response.stored?.duplicate) {
      log.info({ eventId: response.eventId, type: response.type }, 'Stripe event already received; dropped');
    }
    return Response.json(response.body, { status: response.status, headers });
  } catch (error) {
    log.error({ err: error }, 'Stripe webhook intake failed; Stripe will retry');
    return Response.json({ error: 'Internal error.' }, { status: 500, headers });
  }
}
