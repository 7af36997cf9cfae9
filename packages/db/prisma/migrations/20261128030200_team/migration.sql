-- Running the store (issue 3): team invitations, storefront visits per day, institutional pages and the
-- store's contact details, languages and display currencies.

-- Invitations to join a store's team. Only the SHA-256 of the token is kept (the token is in the email);
-- the token names its store, so accepting it never needs to read across stores.
CREATE TABLE "invitations" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "permissions" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "token_hash" TEXT NOT NULL,
    "invited_by_user_id" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_by_user_id" TEXT,
    "revoked_at" TIMESTAMPTZ(3),
    "last_sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "invitations_email_lowercase" CHECK ("email" = lower("email"))
);
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");
CREATE INDEX "invitations_tenant_id_created_at_idx" ON "invitations"("tenant_id", "created_at" DESC);
CREATE INDEX "invitations_tenant_id_email_idx" ON "invitations"("tenant_id", "email");
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "invitations"
  USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());

-- Storefront visits per store and day (home and product pages), one upsert per visit.
CREATE TABLE "store_visits_daily" (
    "tenant_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "visits" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "store_visits_daily_pkey" PRIMARY KEY ("tenant_id", "day")
);
ALTER TABLE "store_visits_daily" ADD CONSTRAINT "store_visits_daily_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "store_visits_daily" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "store_visits_daily" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "store_visits_daily"
  USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());

-- Institutional pages (about, returns, privacy, custom ones), shown on the storefront at /pages/<slug>.
CREATE TABLE "store_pages" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "published" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "store_pages_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "store_pages_tenant_id_slug_key" ON "store_pages"("tenant_id", "slug");
ALTER TABLE "store_pages" ADD CONSTRAINT "store_pages_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "store_pages" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "store_pages" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "store_pages"
  USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());

-- Store details shown on the storefront, and its languages and display currencies (the default language and
-- base currency stay on tenants.locale and tenants.currency).
ALTER TABLE "storefront_configs" ADD COLUMN "contact_email" TEXT;
ALTER TABLE "storefront_configs" ADD COLUMN "contact_phone" TEXT;
ALTER TABLE "storefront_configs" ADD COLUMN "address" TEXT;
ALTER TABLE "storefront_configs" ADD COLUMN "enabled_locales" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "storefront_configs" ADD COLUMN "display_currencies" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
