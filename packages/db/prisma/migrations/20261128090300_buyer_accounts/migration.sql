-- Buyer accounts (issues 4 and 7): a buyer's account belongs to ONE store (an account at store A is not an account
-- at store B), with its sessions, addresses and one-time email tokens. Every table is tenant-owned: tenant_id NOT
-- NULL, indexes that start with it, FORCE'd row-level security, and composite (tenant_id, …) references.
-- Secrets are never stored raw: passwords as argon2id hashes, session and email tokens as SHA-256 (hex).

CREATE TABLE "buyer_accounts" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "email_verified_at" TIMESTAMPTZ(3),
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "buyer_accounts_pkey" PRIMARY KEY ("id"),
    -- Stored lower case, so (tenant_id, email) is unique whatever the case a buyer types.
    CONSTRAINT "buyer_accounts_email_lower" CHECK ("email" = lower("email") AND length("email") BETWEEN 3 AND 254),
    CONSTRAINT "buyer_accounts_name_length" CHECK (length("name") BETWEEN 1 AND 120)
);
CREATE UNIQUE INDEX "buyer_accounts_tenant_id_id_key" ON "buyer_accounts"("tenant_id", "id");
CREATE UNIQUE INDEX "buyer_accounts_tenant_id_email_key" ON "buyer_accounts"("tenant_id", "email");
ALTER TABLE "buyer_accounts" ADD CONSTRAINT "buyer_accounts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sessions: the web keeps an opaque random token in an HttpOnly cookie of the store's host.
CREATE TABLE "buyer_sessions" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "buyer_sessions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "buyer_sessions_tenant_id_token_hash_key" ON "buyer_sessions"("tenant_id", "token_hash");
CREATE INDEX "buyer_sessions_tenant_id_account_id_idx" ON "buyer_sessions"("tenant_id", "account_id");
ALTER TABLE "buyer_sessions" ADD CONSTRAINT "buyer_sessions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "buyer_sessions" ADD CONSTRAINT "buyer_sessions_tenant_id_account_id_fkey" FOREIGN KEY ("tenant_id", "account_id") REFERENCES "buyer_accounts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- Addresses: at most one default per account.
CREATE TABLE "buyer_addresses" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "line1" TEXT NOT NULL,
    "line2" TEXT,
    "city" TEXT NOT NULL,
    "region" TEXT,
    "postal_code" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "phone" TEXT,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "buyer_addresses_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "buyer_addresses_country_upper" CHECK ("country" = upper("country"))
);
CREATE UNIQUE INDEX "buyer_addresses_tenant_id_id_key" ON "buyer_addresses"("tenant_id", "id");
CREATE INDEX "buyer_addresses_tenant_id_account_id_idx" ON "buyer_addresses"("tenant_id", "account_id");
CREATE UNIQUE INDEX "buyer_addresses_one_default" ON "buyer_addresses"("tenant_id", "account_id") WHERE "is_default";
ALTER TABLE "buyer_addresses" ADD CONSTRAINT "buyer_addresses_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "buyer_addresses" ADD CONSTRAINT "buyer_addresses_tenant_id_account_id_fkey" FOREIGN KEY ("tenant_id", "account_id") REFERENCES "buyer_accounts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- One-time email tokens: verify the email, reset the password. Expiring, used once (used_at).
CREATE TYPE "BuyerTokenKind" AS ENUM ('VERIFY_EMAIL', 'RESET_PASSWORD');

CREATE TABLE "buyer_tokens" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "kind" "BuyerTokenKind" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "buyer_tokens_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "buyer_tokens_tenant_id_token_hash_key" ON "buyer_tokens"("tenant_id", "token_hash");
CREATE INDEX "buyer_tokens_tenant_id_account_id_kind_idx" ON "buyer_tokens"("tenant_id", "account_id", "kind");
ALTER TABLE "buyer_tokens" ADD CONSTRAINT "buyer_tokens_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "buyer_tokens" ADD CONSTRAINT "buyer_tokens_tenant_id_account_id_fkey" FOREIGN KEY ("tenant_id", "account_id") REFERENCES "buyer_accounts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- A buyer's order history: the store's orders by the buyer's (lower-case) email, newest first.
CREATE INDEX "orders_tenant_id_buyer_email_created_at_idx" ON "orders"("tenant_id", "buyer_email", "created_at" DESC);

DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['buyer_accounts', 'buyer_sessions', 'buyer_addresses', 'buyer_tokens'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant())', t);
  END LOOP;
END
$$;
