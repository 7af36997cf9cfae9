-- Webhook events from payment providers (Stripe), stored before processing (ARCHITECTURE §5: verify → store
-- → enqueue → 200). Platform table, like outbox_jobs: no tenant_id NOT NULL and no row-level security,
-- because an event may concern the platform (billing) or a store (checkout); tenant_id is copied from the
-- event object's metadata when present. vitrine_app gets the default grants (SELECT, INSERT, UPDATE,
-- DELETE) from the roles migration: intake inserts, the worker marks rows processed, a prune may delete.
--
-- Unique (provider, event_id): Stripe delivers at least once, so a redelivery finds its row and is dropped.
-- The same table exists in every dedicated tenant database (one migration history): there it is the
-- processing ledger for that tenant's events, written in the same transaction as the handler's writes.

CREATE TABLE "webhook_events" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "tenant_id" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "note" TEXT,
    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "webhook_events_provider_event_id_key" ON "webhook_events"("provider", "event_id");
CREATE INDEX "webhook_events_tenant_id_received_at_idx" ON "webhook_events"("tenant_id", "received_at");
-- Events still waiting (for operations: "what is stuck?").
CREATE INDEX "webhook_events_unprocessed_idx" ON "webhook_events"("received_at") WHERE "processed_at" IS NULL;
