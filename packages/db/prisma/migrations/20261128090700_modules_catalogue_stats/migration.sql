-- Modules, the platform's plan and theme catalogue, and per-store daily stats (issue 7).
--
-- Modules: a catalogue of optional parts of the product (coupons, Mercado Livre, support tickets), which plans include
-- which (data, edited with the plans), a per-store override set by platform staff (on or off, with a reason) and a
-- per-member switch-off set by the store's owner or admins. A module is on for a member when the store has it (its
-- override, else its plan) and the member is not switched off.
--
-- Stats: tenant_daily_stats holds, per store, day and currency, what the platform's stats pages read. Triggers on
-- orders and products keep it in the same transaction as the change (paid, refunded, cancelled, created), so the
-- stats never scan orders and never disagree with them.

-- ───────────── modules ─────────────

-- Platform catalogue: written by migrations only (the code names these modules where it checks them).
CREATE TABLE "modules" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "modules_pkey" PRIMARY KEY ("code"),
    CONSTRAINT "modules_code_format" CHECK ("code" ~ '^[a-z][a-z0-9_]{1,39}$')
);
INSERT INTO "modules" ("code", "name", "description", "sort_order") VALUES
  ('coupons', 'Coupons', 'Discount codes buyers enter at checkout.', 10),
  ('mercadolivre', 'Mercado Livre', 'Connect Mercado Livre seller accounts: listings, orders and buyer questions.', 20),
  ('support', 'Support tickets', 'Tickets between the store''s team and Vitrine support.', 30)
ON CONFLICT ("code") DO NOTHING;
REVOKE INSERT, UPDATE, DELETE ON TABLE "modules" FROM vitrine_app;

-- Which plans include which modules. Platform data, edited with the plans (/platform/plans).
CREATE TABLE "plan_modules" (
    "plan_code" TEXT NOT NULL,
    "module_code" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "plan_modules_pkey" PRIMARY KEY ("plan_code", "module_code")
);
CREATE INDEX "plan_modules_module_code_idx" ON "plan_modules"("module_code");
ALTER TABLE "plan_modules" ADD CONSTRAINT "plan_modules_plan_code_fkey" FOREIGN KEY ("plan_code") REFERENCES "plans"("code") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plan_modules" ADD CONSTRAINT "plan_modules_module_code_fkey" FOREIGN KEY ("module_code") REFERENCES "modules"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every plan that exists today keeps what its stores already use: all modules.
INSERT INTO "plan_modules" ("plan_code", "module_code")
SELECT p."code", m."code" FROM "plans" p CROSS JOIN "modules" m
ON CONFLICT DO NOTHING;

-- A plan created later (the seed, a migration, a script) starts with every module, as the plans before it; the
-- platform's plan form then keeps only the modules it was given.
CREATE FUNCTION plans_start_with_every_module() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO "plan_modules" ("plan_code", "module_code") SELECT NEW."code", m."code" FROM "modules" m ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER plans_every_module
  AFTER INSERT ON "plans"
  FOR EACH ROW EXECUTE FUNCTION plans_start_with_every_module();

-- The platform edits plans (/platform/plans) through the application role; the Stripe price map stays read-only.
GRANT INSERT, UPDATE, DELETE ON TABLE "plans" TO vitrine_app;

-- Tenant-owned: platform staff's decision for one store (on or off whatever the plan says, and why).
CREATE TABLE "tenant_module_overrides" (
    "tenant_id" TEXT NOT NULL,
    "module_code" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "set_by_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "tenant_module_overrides_pkey" PRIMARY KEY ("tenant_id", "module_code"),
    CONSTRAINT "tenant_module_overrides_reason_length" CHECK (length("reason") BETWEEN 1 AND 500)
);
ALTER TABLE "tenant_module_overrides" ADD CONSTRAINT "tenant_module_overrides_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "tenant_module_overrides" ADD CONSTRAINT "tenant_module_overrides_module_code_fkey" FOREIGN KEY ("module_code") REFERENCES "modules"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant-owned: a module switched off for one member (STAFF) by the store's owner or an admin. The row goes with the
-- membership.
CREATE TABLE "member_module_overrides" (
    "tenant_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "module_code" TEXT NOT NULL,
    "set_by_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "member_module_overrides_pkey" PRIMARY KEY ("tenant_id", "user_id", "module_code")
);
ALTER TABLE "member_module_overrides" ADD CONSTRAINT "member_module_overrides_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "member_module_overrides" ADD CONSTRAINT "member_module_overrides_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "memberships"("tenant_id", "user_id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "member_module_overrides" ADD CONSTRAINT "member_module_overrides_module_code_fkey" FOREIGN KEY ("module_code") REFERENCES "modules"("code") ON DELETE CASCADE ON UPDATE CASCADE;

DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_module_overrides', 'member_module_overrides'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant())', t);
  END LOOP;
END
$$;

-- ───────────── themes ─────────────

-- Platform catalogue of storefront themes (their looks are code: apps/web/src/store/themes.ts). A theme switched off
-- is no longer offered to stores choosing one; the stores that use it keep it. A theme without a row is offered.
CREATE TABLE "store_themes" (
    "code" TEXT NOT NULL,
    "enabled_for_new_stores" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "store_themes_pkey" PRIMARY KEY ("code")
);
INSERT INTO "store_themes" ("code") VALUES ('classic'), ('boutique'), ('market') ON CONFLICT DO NOTHING;

-- ───────────── daily stats ─────────────

-- Per store, UTC day and currency. Orders: `orders_placed` counts orders by their creation day; `paid_orders`,
-- `paid_total_minor` (net of refunds) and `refunded_minor` count orders that were paid and are not cancelled, on the
-- day they were paid; `cancelled_orders` counts cancellations on their day. `new_products` counts products created
-- (currency 'XXX', ISO 4217's "no currency").
-- Platform-level like support_ticket_index: the platform (no store in force) reads every store's rows; a transaction
-- scoped to a store reads and writes only that store's rows, and nothing deletes them but the store's own deletion.
CREATE TABLE "tenant_daily_stats" (
    "tenant_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "orders_placed" INTEGER NOT NULL DEFAULT 0,
    "paid_orders" INTEGER NOT NULL DEFAULT 0,
    "paid_total_minor" BIGINT NOT NULL DEFAULT 0,
    "refunded_minor" BIGINT NOT NULL DEFAULT 0,
    "cancelled_orders" INTEGER NOT NULL DEFAULT 0,
    "new_products" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenant_daily_stats_pkey" PRIMARY KEY ("tenant_id", "day", "currency")
);
CREATE INDEX "tenant_daily_stats_day_currency_idx" ON "tenant_daily_stats"("day", "currency");
ALTER TABLE "tenant_daily_stats" ADD CONSTRAINT "tenant_daily_stats_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- RLS binds the application role; it is not FORCE'd, so the data export (which takes FORCE'd tables with a tenant_id as
-- store tables) leaves it out: an imported store's orders rebuild its stats through the trigger below.
ALTER TABLE "tenant_daily_stats" ENABLE ROW LEVEL SECURITY;
CREATE POLICY stats_read ON "tenant_daily_stats" FOR SELECT
  USING (app_current_tenant() IS NULL OR "tenant_id" = app_current_tenant());
CREATE POLICY stats_insert ON "tenant_daily_stats" FOR INSERT WITH CHECK ("tenant_id" = app_current_tenant());
CREATE POLICY stats_update ON "tenant_daily_stats" FOR UPDATE
  USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
REVOKE DELETE, TRUNCATE ON TABLE "tenant_daily_stats" FROM vitrine_app;

-- Adds (or, with sign -1, takes away) one change to a store's day.
CREATE FUNCTION tenant_daily_stats_add(
  p_tenant TEXT, p_day DATE, p_currency CHAR(3), p_placed INTEGER, p_paid INTEGER, p_paid_total BIGINT,
  p_refunded BIGINT, p_cancelled INTEGER, p_products INTEGER
) RETURNS void
  LANGUAGE sql
  AS $$
    INSERT INTO "tenant_daily_stats" AS s ("tenant_id", "day", "currency", "orders_placed", "paid_orders", "paid_total_minor",
      "refunded_minor", "cancelled_orders", "new_products", "updated_at")
    VALUES (p_tenant, p_day, p_currency, p_placed, p_paid, p_paid_total, p_refunded, p_cancelled, p_products, now())
    ON CONFLICT ("tenant_id", "day", "currency") DO UPDATE SET
      "orders_placed" = s."orders_placed" + EXCLUDED."orders_placed",
      "paid_orders" = s."paid_orders" + EXCLUDED."paid_orders",
      "paid_total_minor" = s."paid_total_minor" + EXCLUDED."paid_total_minor",
      "refunded_minor" = s."refunded_minor" + EXCLUDED."refunded_minor",
      "cancelled_orders" = s."cancelled_orders" + EXCLUDED."cancelled_orders",
      "new_products" = s."new_products" + EXCLUDED."new_products",
      "updated_at" = now()
  $$;

-- What one order row contributes to the stats, added with sign 1 or taken away with sign -1. The trigger takes away
-- the old row's part and adds the new one's, so any change (paid, refunded, cancelled, amounts) lands exactly.
CREATE FUNCTION tenant_daily_stats_apply_order(o "orders", sign INTEGER) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM tenant_daily_stats_add(o."tenant_id", (o."created_at" AT TIME ZONE 'UTC')::date, o."currency", sign, 0, 0, 0, 0, 0);
  IF o."paid_at" IS NOT NULL AND o."status" <> 'CANCELLED' THEN
    PERFORM tenant_daily_stats_add(o."tenant_id", (o."paid_at" AT TIME ZONE 'UTC')::date, o."currency", 0, sign,
      sign * (o."total_amount" - o."refunded_amount")::BIGINT, sign * o."refunded_amount"::BIGINT, 0, 0);
  END IF;
  IF o."status" = 'CANCELLED' THEN
    PERFORM tenant_daily_stats_add(o."tenant_id", (COALESCE(o."cancelled_at", o."created_at") AT TIME ZONE 'UTC')::date, o."currency",
      0, 0, 0, 0, sign, 0);
  END IF;
END
$$;

CREATE FUNCTION orders_keep_daily_stats() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."status" = NEW."status" AND OLD."paid_at" IS NOT DISTINCT FROM NEW."paid_at"
     AND OLD."cancelled_at" IS NOT DISTINCT FROM NEW."cancelled_at" AND OLD."total_amount" = NEW."total_amount"
     AND OLD."refunded_amount" = NEW."refunded_amount" AND OLD."currency" = NEW."currency"
     AND OLD."created_at" = NEW."created_at" AND OLD."tenant_id" = NEW."tenant_id" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM tenant_daily_stats_apply_order(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM tenant_daily_stats_apply_order(NEW, 1); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER orders_daily_stats
  AFTER INSERT OR UPDATE OR DELETE ON "orders"
  FOR EACH ROW EXECUTE FUNCTION orders_keep_daily_stats();

-- Once per statement, from the rows it inserted (an import of 50,000 products is one upsert per store and day, not
-- 50,000 updates of one row).
CREATE FUNCTION products_count_daily_stats() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO "tenant_daily_stats" AS s ("tenant_id", "day", "currency", "orders_placed", "paid_orders", "paid_total_minor",
    "refunded_minor", "cancelled_orders", "new_products", "updated_at")
  SELECT "tenant_id", ("created_at" AT TIME ZONE 'UTC')::date, 'XXX', 0, 0, 0, 0, 0, count(*)::int, now()
  FROM new_rows GROUP BY 1, 2
  ON CONFLICT ("tenant_id", "day", "currency") DO UPDATE SET
    "new_products" = s."new_products" + EXCLUDED."new_products",
    "updated_at" = now();
  RETURN NULL;
END
$$;

CREATE TRIGGER products_daily_stats
  AFTER INSERT ON "products" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION products_count_daily_stats();

-- What is already there (run once, as the owner).
INSERT INTO "tenant_daily_stats" ("tenant_id", "day", "currency", "orders_placed", "paid_orders", "paid_total_minor", "refunded_minor", "cancelled_orders", "new_products")
SELECT "tenant_id", "day", "currency", sum("placed")::int, sum("paid")::int, sum("paid_total")::bigint, sum("refunded")::bigint, sum("cancelled")::int, sum("products")::int
FROM (
  SELECT "tenant_id", ("created_at" AT TIME ZONE 'UTC')::date AS "day", "currency", 1 AS "placed", 0 AS "paid", 0 AS "paid_total", 0 AS "refunded", 0 AS "cancelled", 0 AS "products"
    FROM "orders"
  UNION ALL
  SELECT "tenant_id", ("paid_at" AT TIME ZONE 'UTC')::date, "currency", 0, 1, "total_amount" - "refunded_amount", "refunded_amount", 0, 0
    FROM "orders" WHERE "paid_at" IS NOT NULL AND "status" <> 'CANCELLED'
  UNION ALL
  SELECT "tenant_id", (COALESCE("cancelled_at", "created_at") AT TIME ZONE 'UTC')::date, "currency", 0, 0, 0, 0, 1, 0
    FROM "orders" WHERE "status" = 'CANCELLED'
  UNION ALL
  SELECT "tenant_id", ("created_at" AT TIME ZONE 'UTC')::date, 'XXX', 0, 0, 0, 0, 0, 1
    FROM "products"
) AS parts
GROUP BY "tenant_id", "day", "currency";
