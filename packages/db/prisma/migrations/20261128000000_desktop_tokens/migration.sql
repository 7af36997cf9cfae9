-- The seller's desktop app: its revocable tokens, and the indexes its change feed pages through.

-- Platform table (a token belongs to a user, not to a store): no tenant_id and no row-level security, like
-- sessions. Only the SHA-256 of a token is stored; the token itself is shown to the desktop app once.
CREATE TABLE "desktop_tokens" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "desktop_tokens_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "desktop_tokens_token_hash_key" ON "desktop_tokens"("token_hash");
CREATE INDEX "desktop_tokens_user_id_created_at_idx" ON "desktop_tokens"("user_id", "created_at");
ALTER TABLE "desktop_tokens" ADD CONSTRAINT "desktop_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Change feed (mercadolivre.changes): every resource is paged by (tenant_id, <change time>, id) ascending.
-- The change time must come from the database clock, because the feed holds back rows newer than the
-- database's now() minus a few seconds; the sync upserts already set synced_at = now().
CREATE INDEX "ml_orders_tenant_id_synced_at_id_idx" ON "ml_orders"("tenant_id", "synced_at", "id");
CREATE INDEX "ml_shipments_tenant_id_synced_at_id_idx" ON "ml_shipments"("tenant_id", "synced_at", "id");
CREATE INDEX "ml_questions_tenant_id_synced_at_id_idx" ON "ml_questions"("tenant_id", "synced_at", "id");
CREATE INDEX "ml_messages_tenant_id_synced_at_id_idx" ON "ml_messages"("tenant_id", "synced_at", "id");

-- Every write to an account or an answer stamps updated_at with the database's now(), whatever the writer
-- (Prisma's @updatedAt uses the application's clock; raw SQL writers may not set it at all).
CREATE FUNCTION set_updated_at_now() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;

CREATE INDEX "ml_accounts_tenant_id_updated_at_id_idx" ON "ml_accounts"("tenant_id", "updated_at", "id");
CREATE TRIGGER ml_accounts_updated_at
  BEFORE INSERT OR UPDATE ON "ml_accounts"
  FOR EACH ROW EXECUTE FUNCTION set_updated_at_now();

-- Answers change after they are written (PENDING → SENT or REFUSED): updated_at is their change time.
ALTER TABLE "ml_answers" ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "ml_answers" SET "updated_at" = COALESCE("sent_at", "created_at");
CREATE INDEX "ml_answers_tenant_id_updated_at_id_idx" ON "ml_answers"("tenant_id", "updated_at", "id");
CREATE TRIGGER ml_answers_updated_at
  BEFORE INSERT OR UPDATE ON "ml_answers"
  FOR EACH ROW EXECUTE FUNCTION set_updated_at_now();
