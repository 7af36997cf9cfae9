-- Platform staff impersonation (issue 7): a platform administrator enters a store's admin for a stated reason,
-- read-only or with full rights, until a time cap. The grant is a platform table (like tenant_subscriptions):
-- written only by the platform procedures; the staff member never gets a membership. Every tenant audit row
-- written while impersonating names the grant, so a store's log shows who from the platform acted and why.
CREATE TYPE "ImpersonationMode" AS ENUM ('READ_ONLY', 'FULL');

CREATE TABLE "impersonation_grants" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "staff_user_id" TEXT NOT NULL,
    "mode" "ImpersonationMode" NOT NULL,
    "reason" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    CONSTRAINT "impersonation_grants_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "impersonation_grants_reason_present" CHECK (length(btrim("reason")) >= 5),
    CONSTRAINT "impersonation_grants_expires_after_start" CHECK ("expires_at" > "started_at"),
    CONSTRAINT "impersonation_grants_ended_after_start" CHECK ("ended_at" IS NULL OR "ended_at" >= "started_at")
);
CREATE INDEX "impersonation_grants_tenant_id_started_at_idx" ON "impersonation_grants"("tenant_id", "started_at" DESC);
CREATE INDEX "impersonation_grants_staff_user_id_started_at_idx" ON "impersonation_grants"("staff_user_id", "started_at" DESC);
ALTER TABLE "impersonation_grants" ADD CONSTRAINT "impersonation_grants_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "impersonation_grants" ADD CONSTRAINT "impersonation_grants_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Grants are ended, never removed: the row is the record of who entered which store and why.
REVOKE DELETE, TRUNCATE ON TABLE "impersonation_grants" FROM vitrine_app;

-- The grant under which a tenant audit row was written (null: the actor acted as themself).
ALTER TABLE "audit_logs" ADD COLUMN "impersonation_grant_id" TEXT;
