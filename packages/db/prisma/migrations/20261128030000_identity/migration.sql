-- Identity for tenant admins: TOTP replay protection and recovery codes.

-- The last TOTP time step accepted for the user: a code from that step (or an earlier one) is refused, so a
-- code seen over someone's shoulder or replayed from a log cannot be used a second time.
ALTER TABLE "users" ADD COLUMN "totp_last_step" INTEGER;

-- Platform table (a code belongs to a user, not to a store): no tenant_id and no row-level security, like
-- sessions. Ten per user, shown once; only a salted SHA-256 of each is kept; a used code is marked, never reused.
CREATE TABLE "recovery_codes" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "recovery_codes_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "recovery_codes_code_hash_key" ON "recovery_codes"("code_hash");
CREATE INDEX "recovery_codes_user_id_idx" ON "recovery_codes"("user_id");
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
