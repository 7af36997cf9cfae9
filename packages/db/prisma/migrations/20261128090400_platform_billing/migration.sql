-- Platform billing (issue 7): stores pay the platform for their plan through Stripe Billing.
--
-- BillingStatus gains RESTRICTED: a store whose renewal failed is PAST_DUE for a grace period
-- (tenant_subscriptions.grace_ends_at); when it ends unpaid the store is RESTRICTED: its storefront keeps
-- showing, its admin is read-only (writes answer 402) until an invoice is paid. UNPAID (the storefront answers
-- 402) stays a platform decision. The new value is not used in this transaction (Postgres forbids that).
ALTER TYPE "BillingStatus" ADD VALUE IF NOT EXISTS 'RESTRICTED';

-- Which Stripe prices sell which plan: Stripe lookup keys (the price ids differ between Stripe accounts;
-- lookup keys do not). One price per plan and interval. Platform data: the application reads it only.
CREATE TABLE "plan_stripe_prices" (
    "lookup_key" TEXT NOT NULL,
    "plan_code" TEXT NOT NULL,
    "interval" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "plan_stripe_prices_pkey" PRIMARY KEY ("lookup_key"),
    CONSTRAINT "plan_stripe_prices_interval_check" CHECK ("interval" IN ('month', 'year'))
);
CREATE UNIQUE INDEX "plan_stripe_prices_plan_code_interval_key" ON "plan_stripe_prices"("plan_code", "interval");
ALTER TABLE "plan_stripe_prices" ADD CONSTRAINT "plan_stripe_prices_plan_code_fkey" FOREIGN KEY ("plan_code") REFERENCES "plans"("code") ON DELETE CASCADE ON UPDATE CASCADE;
REVOKE INSERT, UPDATE, DELETE ON TABLE "plan_stripe_prices" FROM vitrine_app;

INSERT INTO "plan_stripe_prices" ("lookup_key", "plan_code", "interval")
SELECT v.lookup_key, v.plan_code, v.interval
FROM (VALUES
  ('vitrine_basic_monthly', 'basic', 'month'),
  ('vitrine_pro_monthly', 'pro', 'month'),
  ('vitrine_pro_yearly', 'pro', 'year')
) AS v(lookup_key, plan_code, interval)
WHERE EXISTS (SELECT 1 FROM "plans" p WHERE p.code = v.plan_code)
ON CONFLICT DO NOTHING;

-- A store's subscription to the platform: its Stripe customer (created once per store) and the state of its
-- current subscription as last read from Stripe, plus the dunning dates Vitrine keeps. Platform table (like
-- domains): written by the billing procedures and the Stripe event handlers, read by the store's billing page
-- after the membership check; one row per store.
CREATE TABLE "tenant_subscriptions" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "stripe_customer_id" TEXT NOT NULL,
    "stripe_subscription_id" TEXT,
    -- Stripe's subscription status (trialing, active, past_due, unpaid, canceled, incomplete, ...).
    "status" TEXT,
    "plan_code" TEXT,
    "stripe_price_id" TEXT,
    "price_lookup_key" TEXT,
    "price_amount" INTEGER,
    "currency" CHAR(3),
    "interval" TEXT,
    "current_period_end" TIMESTAMPTZ(3),
    "cancel_at_period_end" BOOLEAN NOT NULL DEFAULT false,
    "trial_end" TIMESTAMPTZ(3),
    "latest_invoice_id" TEXT,
    -- Dunning: when the renewal first failed, when the grace period ends, when the store was restricted.
    "past_due_since" TIMESTAMPTZ(3),
    "grace_ends_at" TIMESTAMPTZ(3),
    "restricted_at" TIMESTAMPTZ(3),
    -- Incremented on every applied change; part of the idempotency keys of the next Stripe request.
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "tenant_subscriptions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "tenant_subscriptions_tenant_id_key" ON "tenant_subscriptions"("tenant_id");
CREATE UNIQUE INDEX "tenant_subscriptions_stripe_customer_id_key" ON "tenant_subscriptions"("stripe_customer_id");
CREATE UNIQUE INDEX "tenant_subscriptions_stripe_subscription_id_key" ON "tenant_subscriptions"("stripe_subscription_id");
-- The worker's grace-expiry sweep.
CREATE INDEX "tenant_subscriptions_grace_ends_at_idx" ON "tenant_subscriptions"("grace_ends_at") WHERE "grace_ends_at" IS NOT NULL;
ALTER TABLE "tenant_subscriptions" ADD CONSTRAINT "tenant_subscriptions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "tenant_subscriptions" ADD CONSTRAINT "tenant_subscriptions_plan_code_fkey" FOREIGN KEY ("plan_code") REFERENCES "plans"("code") ON DELETE SET NULL ON UPDATE CASCADE;
