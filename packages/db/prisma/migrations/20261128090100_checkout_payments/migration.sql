-- Storefront checkout with the store's own Stripe account.

-- The signing secret (whsec_…) of the store's own webhook endpoint, sealed like the secret key (AES-256-GCM,
-- associated data "stripe-webhook-secret:<tenant id>"). Null: the store's events are verified with the platform's.
ALTER TABLE "payment_settings" ADD COLUMN "stripe_webhook_secret_enc" TEXT;

-- The buyer's phone (optional, E.164 such as +5511999990000): order notifications also go by WhatsApp.
ALTER TABLE "orders" ADD COLUMN "buyer_phone" TEXT;
ALTER TABLE "orders" ADD CONSTRAINT "orders_buyer_phone_e164" CHECK ("buyer_phone" IS NULL OR "buyer_phone" ~ '^\+[1-9][0-9]{7,14}$');

-- The confirmation page and the Stripe handlers find an order by its Checkout Session.
CREATE INDEX "orders_tenant_id_checkout_session_id_idx" ON "orders"("tenant_id", "checkout_session_id");
