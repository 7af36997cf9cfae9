-- Mercado Livre: connected seller accounts, their sealed tokens, the data synced from ML, sync runs,
-- received notifications and answers sent through Vitrine. Every table but ml_account_routes is
-- tenant-owned: tenant_id NOT NULL, indexes that start with it, FORCE'd row-level security, and
-- composite (tenant_id, account_id) references so no row can point at another tenant's account.

CREATE TYPE "MlAccountStatus" AS ENUM ('ACTIVE', 'RECONNECT_NEEDED', 'DISCONNECTED');
CREATE TYPE "MlSyncResource" AS ENUM ('ITEMS', 'ORDERS', 'QUESTIONS', 'MESSAGES', 'SHIPMENTS');
CREATE TYPE "MlSyncKind" AS ENUM ('BACKFILL', 'INCREMENTAL');
CREATE TYPE "MlSyncStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');
CREATE TYPE "MlNotificationStatus" AS ENUM ('RECEIVED', 'PROCESSED', 'IGNORED', 'DEAD');
CREATE TYPE "MlAnswerStatus" AS ENUM ('PENDING', 'SENT', 'REFUSED');

-- Platform table: notifications carry only the seller's ML user id; this finds its tenant and account.
CREATE TABLE "ml_account_routes" (
    "ml_user_id" BIGINT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ml_account_routes_pkey" PRIMARY KEY ("ml_user_id")
);
CREATE INDEX "ml_account_routes_tenant_id_idx" ON "ml_account_routes"("tenant_id");
ALTER TABLE "ml_account_routes" ADD CONSTRAINT "ml_account_routes_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ml_accounts" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "ml_user_id" BIGINT NOT NULL,
    "nickname" TEXT NOT NULL,
    "site_id" VARCHAR(3) NOT NULL,
    "status" "MlAccountStatus" NOT NULL DEFAULT 'ACTIVE',
    "status_reason" TEXT,
    "connected_by_user_id" TEXT,
    "last_synced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ml_accounts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ml_accounts_tenant_id_id_key" ON "ml_accounts"("tenant_id", "id");
CREATE UNIQUE INDEX "ml_accounts_tenant_id_ml_user_id_key" ON "ml_accounts"("tenant_id", "ml_user_id");
CREATE INDEX "ml_accounts_tenant_id_status_idx" ON "ml_accounts"("tenant_id", "status");
ALTER TABLE "ml_accounts" ADD CONSTRAINT "ml_accounts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ml_tokens" (
    "account_id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "access_token_enc" TEXT NOT NULL,
    "refresh_token_enc" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 0,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ml_tokens_pkey" PRIMARY KEY ("account_id")
);
CREATE UNIQUE INDEX "ml_tokens_tenant_id_account_id_key" ON "ml_tokens"("tenant_id", "account_id");
CREATE INDEX "ml_tokens_tenant_id_expires_at_idx" ON "ml_tokens"("tenant_id", "expires_at");
ALTER TABLE "ml_tokens" ADD CONSTRAINT "ml_tokens_tenant_id_account_id_fkey" FOREIGN KEY ("tenant_id", "account_id") REFERENCES "ml_accounts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

CREATE TABLE "ml_items" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "ml_item_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "price_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "available_quantity" INTEGER NOT NULL,
    "sold_quantity" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "permalink" TEXT,
    "thumbnail" TEXT,
    "ml_updated_at" TIMESTAMPTZ(3),
    "raw" JSONB NOT NULL DEFAULT '{}',
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ml_items_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ml_items_tenant_id_account_id_ml_item_id_key" ON "ml_items"("tenant_id", "account_id", "ml_item_id");
CREATE INDEX "ml_items_tenant_id_account_id_status_idx" ON "ml_items"("tenant_id", "account_id", "status");
ALTER TABLE "ml_items" ADD CONSTRAINT "ml_items_tenant_id_account_id_fkey" FOREIGN KEY ("tenant_id", "account_id") REFERENCES "ml_accounts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

CREATE TABLE "ml_orders" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "ml_order_id" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "pack_id" BIGINT,
    "shipment_id" BIGINT,
    "buyer_id" BIGINT NOT NULL,
    "buyer_nickname" TEXT,
    "total_minor" BIGINT NOT NULL,
    "paid_minor" BIGINT,
    "currency" VARCHAR(3) NOT NULL,
    "tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "date_created" TIMESTAMPTZ(3) NOT NULL,
    "date_closed" TIMESTAMPTZ(3),
    "ml_updated_at" TIMESTAMPTZ(3),
    "raw" JSONB NOT NULL DEFAULT '{}',
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ml_orders_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ml_orders_tenant_id_id_key" ON "ml_orders"("tenant_id", "id");
CREATE UNIQUE INDEX "ml_orders_tenant_id_account_id_ml_order_id_key" ON "ml_orders"("tenant_id", "account_id", "ml_order_id");
CREATE INDEX "ml_orders_tenant_id_account_id_date_created_idx" ON "ml_orders"("tenant_id", "account_id", "date_created" DESC);
CREATE INDEX "ml_orders_tenant_id_account_id_status_date_created_idx" ON "ml_orders"("tenant_id", "account_id", "status", "date_created" DESC);
CREATE INDEX "ml_orders_tenant_id_ml_updated_at_id_idx" ON "ml_orders"("tenant_id", "ml_updated_at", "id");
ALTER TABLE "ml_orders" ADD CONSTRAINT "ml_orders_tenant_id_account_id_fkey" FOREIGN KEY ("tenant_id", "account_id") REFERENCES "ml_accounts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

CREATE TABLE "ml_order_items" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "ml_item_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "variation_id" BIGINT,
    "seller_sku" TEXT,
    "quantity" INTEGER NOT NULL,
    "unit_price_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    CONSTRAINT "ml_order_items_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ml_order_items_tenant_id_order_id_idx" ON "ml_order_items"("tenant_id", "order_id");
CREATE INDEX "ml_order_items_tenant_id_ml_item_id_idx" ON "ml_order_items"("tenant_id", "ml_item_id");
ALTER TABLE "ml_order_items" ADD CONSTRAINT "ml_order_items_tenant_id_order_id_fkey" FOREIGN KEY ("tenant_id", "order_id") REFERENCES "ml_orders"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

CREATE TABLE "ml_shipments" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "ml_shipment_id" BIGINT NOT NULL,
    "ml_order_id" BIGINT,
    "status" TEXT NOT NULL,
    "substatus" TEXT,
    "mode" TEXT,
    "logistic_type" TEXT,
    "tracking_number" TEXT,
    "ml_updated_at" TIMESTAMPTZ(3),
    "raw" JSONB NOT NULL DEFAULT '{}',
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ml_shipments_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ml_shipments_tenant_id_account_id_ml_shipment_id_key" ON "ml_shipments"("tenant_id", "account_id", "ml_shipment_id");
CREATE INDEX "ml_shipments_tenant_id_account_id_ml_order_id_idx" ON "ml_shipments"("tenant_id", "account_id", "ml_order_id");
ALTER TABLE "ml_shipments" ADD CONSTRAINT "ml_shipments_tenant_id_account_id_fkey" FOREIGN KEY ("tenant_id", "account_id") REFERENCES "ml_accounts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

CREATE TABLE "ml_questions" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "ml_question_id" BIGINT NOT NULL,
    "ml_item_id" TEXT NOT NULL,
    "buyer_id" BIGINT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "date_created" TIMESTAMPTZ(3) NOT NULL,
    "answer_text" TEXT,
    "answer_status" TEXT,
    "answered_at" TIMESTAMPTZ(3),
    "ml_updated_at" TIMESTAMPTZ(3),
    "raw" JSONB NOT NULL DEFAULT '{}',
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ml_questions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ml_questions_tenant_id_account_id_ml_question_id_key" ON "ml_questions"("tenant_id", "account_id", "ml_question_id");
CREATE INDEX "ml_questions_tenant_id_account_id_status_date_created_idx" ON "ml_questions"("tenant_id", "account_id", "status", "date_created");
CREATE INDEX "ml_questions_tenant_id_ml_updated_at_id_idx" ON "ml_questions"("tenant_id", "ml_updated_at", "id");
ALTER TABLE "ml_questions" ADD CONSTRAINT "ml_questions_tenant_id_account_id_fkey" FOREIGN KEY ("tenant_id", "account_id") REFERENCES "ml_accounts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

CREATE TABLE "ml_answers" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "ml_question_id" BIGINT NOT NULL,
    "text" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "status" "MlAnswerStatus" NOT NULL DEFAULT 'PENDING',
    "refusal_reason" TEXT,
    "created_by_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    CONSTRAINT "ml_answers_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ml_answers_tenant_id_idempotency_key_key" ON "ml_answers"("tenant_id", "idempotency_key");
CREATE INDEX "ml_answers_tenant_id_account_id_ml_question_id_idx" ON "ml_answers"("tenant_id", "account_id", "ml_question_id");
ALTER TABLE "ml_answers" ADD CONSTRAINT "ml_answers_tenant_id_account_id_fkey" FOREIGN KEY ("tenant_id", "account_id") REFERENCES "ml_accounts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

CREATE TABLE "ml_messages" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "ml_message_id" TEXT NOT NULL,
    "pack_id" BIGINT NOT NULL,
    "from_user_id" BIGINT NOT NULL,
    "to_user_id" BIGINT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "raw" JSONB NOT NULL DEFAULT '{}',
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ml_messages_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ml_messages_tenant_id_account_id_ml_message_id_key" ON "ml_messages"("tenant_id", "account_id", "ml_message_id");
CREATE INDEX "ml_messages_tenant_id_account_id_pack_id_sent_at_idx" ON "ml_messages"("tenant_id", "account_id", "pack_id", "sent_at");
ALTER TABLE "ml_messages" ADD CONSTRAINT "ml_messages_tenant_id_account_id_fkey" FOREIGN KEY ("tenant_id", "account_id") REFERENCES "ml_accounts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

CREATE TABLE "ml_sync_runs" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "resource" "MlSyncResource" NOT NULL,
    "kind" "MlSyncKind" NOT NULL,
    "status" "MlSyncStatus" NOT NULL DEFAULT 'QUEUED',
    "cursor" JSONB NOT NULL DEFAULT '{}',
    "processed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "error" TEXT,
    "requested_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "ml_sync_runs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ml_sync_runs_tenant_id_account_id_resource_created_at_idx" ON "ml_sync_runs"("tenant_id", "account_id", "resource", "created_at" DESC);
CREATE INDEX "ml_sync_runs_tenant_id_status_idx" ON "ml_sync_runs"("tenant_id", "status");
-- A second request for a sync that is queued or running joins it: at most one active run per resource.
CREATE UNIQUE INDEX "ml_sync_runs_one_active_per_resource" ON "ml_sync_runs"("tenant_id", "account_id", "resource")
  WHERE "status" IN ('QUEUED', 'RUNNING');
ALTER TABLE "ml_sync_runs" ADD CONSTRAINT "ml_sync_runs_tenant_id_account_id_fkey" FOREIGN KEY ("tenant_id", "account_id") REFERENCES "ml_accounts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

CREATE TABLE "ml_notifications" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "notification_key" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "ml_user_id" BIGINT NOT NULL,
    "ml_attempts" INTEGER NOT NULL DEFAULT 1,
    "status" "MlNotificationStatus" NOT NULL DEFAULT 'RECEIVED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "body" JSONB NOT NULL DEFAULT '{}',
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    CONSTRAINT "ml_notifications_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ml_notifications_tenant_id_notification_key_key" ON "ml_notifications"("tenant_id", "notification_key");
CREATE INDEX "ml_notifications_tenant_id_status_received_at_idx" ON "ml_notifications"("tenant_id", "status", "received_at" DESC);
CREATE INDEX "ml_notifications_tenant_id_received_at_idx" ON "ml_notifications"("tenant_id", "received_at");
ALTER TABLE "ml_notifications" ADD CONSTRAINT "ml_notifications_tenant_id_account_id_fkey" FOREIGN KEY ("tenant_id", "account_id") REFERENCES "ml_accounts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- Row-level security on every tenant-owned table.
DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['ml_accounts', 'ml_tokens', 'ml_items', 'ml_orders', 'ml_order_items', 'ml_shipments',
                           'ml_questions', 'ml_answers', 'ml_messages', 'ml_sync_runs', 'ml_notifications'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant())', t);
  END LOOP;
END
$$;
