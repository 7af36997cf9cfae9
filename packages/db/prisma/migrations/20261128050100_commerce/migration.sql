-- Commerce (issue 4): carts, coupons, tax rules, orders with their items, timeline and refunds.
-- Every table is tenant-owned: tenant_id NOT NULL, indexes that start with it, FORCE'd row-level security, and
-- composite (tenant_id, …) references, also to product_variants, so no row can point at another store's row.
-- Money in integer minor units of the store's currency.

-- Variants: a shipping weight (for stores whose bands are by weight), and (tenant_id, id) as a key that carts and
-- orders can reference.
ALTER TABLE "product_variants" ADD COLUMN "weight_grams" INTEGER;
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_weight_not_negative" CHECK ("weight_grams" IS NULL OR "weight_grams" >= 0);
CREATE UNIQUE INDEX "product_variants_tenant_id_id_key" ON "product_variants"("tenant_id", "id");

-- Carts: found by the SHA-256 (hex) of the buyer's cookie token.
CREATE TABLE "carts" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "session_hash" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "coupon_code" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "carts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "carts_tenant_id_id_key" ON "carts"("tenant_id", "id");
CREATE UNIQUE INDEX "carts_tenant_id_session_hash_key" ON "carts"("tenant_id", "session_hash");
CREATE INDEX "carts_tenant_id_updated_at_idx" ON "carts"("tenant_id", "updated_at");
ALTER TABLE "carts" ADD CONSTRAINT "carts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "cart_items" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "cart_id" TEXT NOT NULL,
    "variant_id" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cart_items_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cart_items_quantity_positive" CHECK ("quantity" > 0)
);
CREATE UNIQUE INDEX "cart_items_tenant_id_cart_id_variant_id_key" ON "cart_items"("tenant_id", "cart_id", "variant_id");
CREATE INDEX "cart_items_tenant_id_variant_id_idx" ON "cart_items"("tenant_id", "variant_id");
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_tenant_id_cart_id_fkey" FOREIGN KEY ("tenant_id", "cart_id") REFERENCES "carts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
-- A deleted variant leaves every cart it was in.
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_tenant_id_variant_id_fkey" FOREIGN KEY ("tenant_id", "variant_id") REFERENCES "product_variants"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- Coupons: codes kept upper case, so (tenant_id, code) is unique whatever the case a buyer types.
CREATE TYPE "CouponKind" AS ENUM ('PERCENT', 'FIXED');

CREATE TABLE "coupons" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "CouponKind" NOT NULL,
    "value" INTEGER NOT NULL,
    "minimum_order_amount" INTEGER NOT NULL DEFAULT 0,
    "starts_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "max_uses" INTEGER,
    "max_uses_per_buyer" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "used_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "coupons_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "coupons_code_upper" CHECK ("code" = upper("code") AND length("code") BETWEEN 1 AND 40),
    CONSTRAINT "coupons_value_in_range" CHECK (
      ("kind" = 'PERCENT' AND "value" BETWEEN 1 AND 10000) OR ("kind" = 'FIXED' AND "value" > 0)),
    CONSTRAINT "coupons_minimum_not_negative" CHECK ("minimum_order_amount" >= 0),
    CONSTRAINT "coupons_window_ordered" CHECK ("starts_at" IS NULL OR "expires_at" IS NULL OR "expires_at" > "starts_at"),
    CONSTRAINT "coupons_limits_positive" CHECK (("max_uses" IS NULL OR "max_uses" > 0) AND ("max_uses_per_buyer" IS NULL OR "max_uses_per_buyer" > 0)),
    CONSTRAINT "coupons_used_count_not_negative" CHECK ("used_count" >= 0)
);
CREATE UNIQUE INDEX "coupons_tenant_id_id_key" ON "coupons"("tenant_id", "id");
CREATE UNIQUE INDEX "coupons_tenant_id_code_key" ON "coupons"("tenant_id", "code");
CREATE INDEX "coupons_tenant_id_created_at_idx" ON "coupons"("tenant_id", "created_at" DESC);
ALTER TABLE "coupons" ADD CONSTRAINT "coupons_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tax rules: one per (country, region), a NULL region (the whole country) counting as one value.
CREATE TABLE "tax_rules" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "region" TEXT,
    "rate_basis_points" INTEGER NOT NULL,
    "applies_to_shipping" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "tax_rules_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tax_rules_rate_in_range" CHECK ("rate_basis_points" BETWEEN 0 AND 10000),
    CONSTRAINT "tax_rules_codes_upper" CHECK ("country" = upper("country") AND ("region" IS NULL OR "region" = upper("region")))
);
CREATE UNIQUE INDEX "tax_rules_tenant_id_country_region_key" ON "tax_rules"("tenant_id", "country", "region") NULLS NOT DISTINCT;
ALTER TABLE "tax_rules" ADD CONSTRAINT "tax_rules_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Orders.
CREATE TYPE "OrderStatus" AS ENUM ('CREATED', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED');
CREATE TYPE "OrderRefundStatus" AS ENUM ('NONE', 'PARTIAL', 'FULL');

CREATE TABLE "orders" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'CREATED',
    "refund_status" "OrderRefundStatus" NOT NULL DEFAULT 'NONE',
    "buyer_email" TEXT NOT NULL,
    "buyer_name" TEXT NOT NULL,
    "shipping_address" JSONB NOT NULL,
    "shipping_method" TEXT NOT NULL,
    "shipping_method_name" TEXT NOT NULL,
    "shipping_amount" INTEGER NOT NULL,
    "subtotal_amount" INTEGER NOT NULL,
    "discount_amount" INTEGER NOT NULL DEFAULT 0,
    "tax_amount" INTEGER NOT NULL DEFAULT 0,
    "total_amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "coupon_code" TEXT,
    "checkout_session_id" TEXT,
    "payment_intent_id" TEXT,
    "refunded_amount" INTEGER NOT NULL DEFAULT 0,
    "carrier" TEXT,
    "tracking_number" TEXT,
    "paid_at" TIMESTAMPTZ(3),
    "shipped_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "locale" TEXT NOT NULL,
    "tracking_token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "orders_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "orders_number_positive" CHECK ("number" > 0),
    CONSTRAINT "orders_amounts_not_negative" CHECK (
      "shipping_amount" >= 0 AND "subtotal_amount" >= 0 AND "discount_amount" >= 0 AND "tax_amount" >= 0
      AND "total_amount" >= 0 AND "refunded_amount" >= 0),
    CONSTRAINT "orders_discount_within_subtotal" CHECK ("discount_amount" <= "subtotal_amount"),
    CONSTRAINT "orders_total_adds_up" CHECK ("total_amount" = "subtotal_amount" - "discount_amount" + "shipping_amount" + "tax_amount")
);
CREATE UNIQUE INDEX "orders_tenant_id_id_key" ON "orders"("tenant_id", "id");
CREATE UNIQUE INDEX "orders_tenant_id_number_key" ON "orders"("tenant_id", "number");
CREATE UNIQUE INDEX "orders_tenant_id_tracking_token_key" ON "orders"("tenant_id", "tracking_token");
CREATE INDEX "orders_tenant_id_created_at_id_idx" ON "orders"("tenant_id", "created_at" DESC, "id" DESC);
CREATE INDEX "orders_tenant_id_status_created_at_idx" ON "orders"("tenant_id", "status", "created_at" DESC);
CREATE INDEX "orders_tenant_id_payment_intent_id_idx" ON "orders"("tenant_id", "payment_intent_id");
ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "order_items" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "variant_id" TEXT,
    "title" TEXT NOT NULL,
    "variant_label" TEXT NOT NULL DEFAULT '',
    "sku" TEXT NOT NULL,
    "unit_price_amount" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "line_total_amount" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "order_items_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "order_items_quantity_positive" CHECK ("quantity" > 0),
    CONSTRAINT "order_items_line_adds_up" CHECK ("unit_price_amount" >= 0 AND "line_total_amount" = "unit_price_amount" * "quantity")
);
CREATE INDEX "order_items_tenant_id_order_id_idx" ON "order_items"("tenant_id", "order_id");
CREATE INDEX "order_items_tenant_id_variant_id_idx" ON "order_items"("tenant_id", "variant_id");
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_tenant_id_order_id_fkey" FOREIGN KEY ("tenant_id", "order_id") REFERENCES "orders"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
-- The snapshot outlives its variant: deleting the variant clears variant_id only (PostgreSQL 15 column list).
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_tenant_id_variant_id_fkey" FOREIGN KEY ("tenant_id", "variant_id") REFERENCES "product_variants"("tenant_id", "id") ON DELETE SET NULL ("variant_id") ON UPDATE NO ACTION;

CREATE TABLE "order_events" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "from_status" "OrderStatus",
    "to_status" "OrderStatus",
    "note" TEXT,
    "reference" TEXT,
    "actor_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "order_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "order_events_tenant_id_order_id_created_at_idx" ON "order_events"("tenant_id", "order_id", "created_at");
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_tenant_id_order_id_fkey" FOREIGN KEY ("tenant_id", "order_id") REFERENCES "orders"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

CREATE TABLE "order_refunds" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "provider_refund_id" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "order_refunds_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "order_refunds_amount_positive" CHECK ("amount" > 0)
);
CREATE UNIQUE INDEX "order_refunds_tenant_id_provider_refund_id_key" ON "order_refunds"("tenant_id", "provider_refund_id");
CREATE INDEX "order_refunds_tenant_id_order_id_idx" ON "order_refunds"("tenant_id", "order_id");
ALTER TABLE "order_refunds" ADD CONSTRAINT "order_refunds_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "order_refunds" ADD CONSTRAINT "order_refunds_tenant_id_order_id_fkey" FOREIGN KEY ("tenant_id", "order_id") REFERENCES "orders"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

CREATE TABLE "coupon_redemptions" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "coupon_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "buyer_email" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "coupon_redemptions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "coupon_redemptions_email_lower" CHECK ("buyer_email" = lower("buyer_email"))
);
CREATE UNIQUE INDEX "coupon_redemptions_tenant_id_order_id_key" ON "coupon_redemptions"("tenant_id", "order_id");
CREATE INDEX "coupon_redemptions_tenant_id_coupon_id_buyer_email_idx" ON "coupon_redemptions"("tenant_id", "coupon_id", "buyer_email");
ALTER TABLE "coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_tenant_id_coupon_id_fkey" FOREIGN KEY ("tenant_id", "coupon_id") REFERENCES "coupons"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_tenant_id_order_id_fkey" FOREIGN KEY ("tenant_id", "order_id") REFERENCES "orders"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['carts', 'cart_items', 'coupons', 'coupon_redemptions', 'tax_rules', 'orders', 'order_items', 'order_events', 'order_refunds'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant())', t);
  END LOOP;
END
$$;
