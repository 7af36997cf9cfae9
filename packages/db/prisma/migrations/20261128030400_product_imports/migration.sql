-- Product imports (CSV / Excel): the uploaded file, what its check found, and the outcome of committing it.
-- A file is committed all at once or not at all.
CREATE TABLE "product_imports" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "format" TEXT NOT NULL CHECK ("format" IN ('csv', 'xlsx')),
    "file" BYTEA NOT NULL,
    "status" TEXT NOT NULL CHECK ("status" IN ('INVALID', 'VALIDATED', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    "rows" INTEGER NOT NULL DEFAULT 0,
    -- Variants written so far while RUNNING (updated outside the import's own transaction, so it shows live).
    "progress_done" INTEGER NOT NULL DEFAULT 0,
    "progress_total" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "errors" JSONB NOT NULL DEFAULT '[]',
    "created_by_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "product_imports_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "product_imports_tenant_id_created_at_idx" ON "product_imports"("tenant_id", "created_at" DESC);
ALTER TABLE "product_imports" ADD CONSTRAINT "product_imports_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "product_imports" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "product_imports" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "product_imports" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
