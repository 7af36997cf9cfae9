-- "Data rights" exports: a zip archive of everything a store owns, built by the worker and kept for 7 days.
-- At most one export per store is QUEUED or RUNNING at a time (partial unique index), so a second request
-- is refused instead of doubling the work.
CREATE TABLE "data_exports" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED' CHECK ("status" IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    -- Rows written so far and rows to write (updated while RUNNING, outside any long transaction).
    "progress_done" INTEGER NOT NULL DEFAULT 0,
    "progress_total" INTEGER NOT NULL DEFAULT 0,
    -- Where the archive is in object storage (tenants/<tenant id>/exports/<uuid>.zip); NULL before it is
    -- written and after it expired and was deleted.
    "storage_key" TEXT,
    "size_bytes" BIGINT,
    "error" TEXT,
    "requested_by_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),

    CONSTRAINT "data_exports_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "data_exports_tenant_id_created_at_idx" ON "data_exports"("tenant_id", "created_at" DESC);
CREATE INDEX "data_exports_tenant_id_expires_at_idx" ON "data_exports"("tenant_id", "expires_at");
CREATE UNIQUE INDEX "data_exports_one_in_progress" ON "data_exports"("tenant_id") WHERE "status" IN ('QUEUED', 'RUNNING');
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "data_exports" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "data_exports" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "data_exports" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());

-- The schema version an export records: the last migration this database finished. The ledger itself stays
-- closed to the application role; this function reveals only that one name.
CREATE FUNCTION app_schema_version() RETURNS TEXT
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT migration_name::text FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1 $$;
