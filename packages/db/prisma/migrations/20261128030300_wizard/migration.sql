-- The guided setup wizard (issue 3): the store's progress through the steps, its payment settings and its
-- shipping rates. All tenant-owned with forced row-level security.

-- Which wizard steps the store completed or skipped, so the admin lands on the next unfinished one. A table of
-- its own rather than columns on storefront_configs: storefront_configs is what the public storefront reads,
-- while this is admin-only bookkeeping with its own lifecycle (it can be reset or dropped without touching
-- the shop window).
CREATE TABLE "store_setup" (
    "tenant_id" TEXT NOT NULL,
    "completed_steps" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "skipped_steps" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "niche" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "store_setup_pkey" PRIMARY KEY ("tenant_id")
);
ALTER TABLE "store_setup" ADD CONSTRAINT "store_setup_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "store_setup" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "store_setup" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "store_setup"
  USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());

-- Payment provider settings. The Stripe secret key is sealed with AES-256-GCM (key id inside the value);
-- only its last four characters are kept in the clear, to show "sk_…last4".
CREATE TABLE "payment_settings" (
    "tenant_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'stripe',
    "stripe_publishable_key" TEXT NOT NULL,
    "stripe_secret_key_enc" TEXT NOT NULL,
    "stripe_secret_last4" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "payment_settings_pkey" PRIMARY KEY ("tenant_id"),
    CONSTRAINT "payment_settings_provider_known" CHECK ("provider" IN ('stripe'))
);
ALTER TABLE "payment_settings" ADD CONSTRAINT "payment_settings_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "payment_settings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "payment_settings" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "payment_settings"
  USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());

-- Shipping: price bands by weight (grams) or by order value (minor units), and local pickup.
CREATE TYPE "ShippingRateKind" AS ENUM ('WEIGHT', 'ORDER_VALUE', 'PICKUP');

CREATE TABLE "shipping_rates" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "kind" "ShippingRateKind" NOT NULL,
    "name" TEXT NOT NULL,
    "min_value" INTEGER NOT NULL DEFAULT 0,
    "max_value" INTEGER,
    "price_amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "shipping_rates_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "shipping_rates_price_not_negative" CHECK ("price_amount" >= 0),
    CONSTRAINT "shipping_rates_band_ordered" CHECK ("min_value" >= 0 AND ("max_value" IS NULL OR "max_value" > "min_value"))
);
CREATE INDEX "shipping_rates_tenant_id_kind_position_idx" ON "shipping_rates"("tenant_id", "kind", "position");
ALTER TABLE "shipping_rates" ADD CONSTRAINT "shipping_rates_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "shipping_rates" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "shipping_rates" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "shipping_rates"
  USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
