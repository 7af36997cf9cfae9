-- Resellers ("partners") and white-label.
--
-- A partner owns many tenants (tenants.partner_id), has its own members (partner_members, PARTNER_ADMIN or
-- PARTNER_STAFF) and its own brand: product name, logo, colours and support email, shown instead of Vitrine's
-- in the admin reached on its admin domain or by the members of its tenants. It may put its clients only on
-- the plans listed in allowed_plan_codes, and gives new clients default_tenant_branding.
--
-- Partner isolation in the database: the partner in force for a transaction is app.partner_id
-- (app_current_partner(), set transaction-locally by the partner console's code). partners, partner_members
-- and tenants get a RESTRICTIVE policy: while a partner is in force only that partner's rows are visible or
-- writable, whatever the query says (a raw query included), and a tenant without a partner is invisible.
-- With no partner in force the policy does not restrict, because those tables are platform tables the rest of
-- the platform reads without a partner (host resolution, sign-up, the platform pages): their permissive
-- policy lets everything through, exactly as before this migration.

CREATE TYPE "PartnerRole" AS ENUM ('PARTNER_ADMIN', 'PARTNER_STAFF');

CREATE TABLE "partners" (
  "id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "slug" TEXT NOT NULL,
  "product_name" TEXT NOT NULL,
  "logo_url" TEXT,
  "primary_color" TEXT NOT NULL DEFAULT '#2f5bea',
  "accent_color" TEXT NOT NULL DEFAULT '#1b1c1f',
  "support_email" TEXT NOT NULL,
  "admin_domain" TEXT,
  "allowed_plan_codes" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "default_tenant_branding" JSONB NOT NULL DEFAULT '{}',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "partners_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "partners_admin_domain_lower" CHECK ("admin_domain" = lower("admin_domain")),
  CONSTRAINT "partners_colors_hex" CHECK ("primary_color" ~ '^#[0-9a-fA-F]{6}$' AND "accent_color" ~ '^#[0-9a-fA-F]{6}$')
);
CREATE UNIQUE INDEX "partners_slug_key" ON "partners"("slug");
CREATE UNIQUE INDEX "partners_admin_domain_key" ON "partners"("admin_domain");

CREATE TABLE "partner_members" (
  "id" TEXT NOT NULL,
  "partner_id" TEXT NOT NULL,
  "user_id" TEXT NOT NULL,
  "role" "PartnerRole" NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "partner_members_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "partner_members_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "partner_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- A person works for one partner at most: the console never has to ask which one.
CREATE UNIQUE INDEX "partner_members_user_id_key" ON "partner_members"("user_id");
CREATE INDEX "partner_members_partner_id_created_at_idx" ON "partner_members"("partner_id", "created_at");

ALTER TABLE "tenants" ADD COLUMN "partner_id" TEXT;
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_partner_id_fkey"
  FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "tenants_partner_id_created_at_idx" ON "tenants"("partner_id", "created_at");

-- The partner in force for this transaction, or NULL when none is set.
CREATE FUNCTION app_current_partner() RETURNS TEXT
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.partner_id', true), '') $$;

ALTER TABLE "partners" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "partners" FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_access ON "partners" USING (true) WITH CHECK (true);
CREATE POLICY partner_isolation ON "partners" AS RESTRICTIVE
  USING (app_current_partner() IS NULL OR "id" = app_current_partner())
  WITH CHECK (app_current_partner() IS NULL OR "id" = app_current_partner());

ALTER TABLE "partner_members" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "partner_members" FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_access ON "partner_members" USING (true) WITH CHECK (true);
CREATE POLICY partner_isolation ON "partner_members" AS RESTRICTIVE
  USING (app_current_partner() IS NULL OR "partner_id" = app_current_partner())
  WITH CHECK (app_current_partner() IS NULL OR "partner_id" = app_current_partner());

ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_access ON "tenants" USING (true) WITH CHECK (true);
CREATE POLICY partner_isolation ON "tenants" AS RESTRICTIVE
  USING (app_current_partner() IS NULL OR "partner_id" = app_current_partner())
  WITH CHECK (app_current_partner() IS NULL OR "partner_id" = app_current_partner());

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "partners", "partner_members" TO vitrine_app;
