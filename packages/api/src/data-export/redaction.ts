/**
 * What an export never contains. Secrets are written as null (the column stays in the file, so a reader sees it
 * was withheld) and the manifest lists them. A test fails when a tenant table gains a column whose name looks
 * like a secret (hash, secret, token, password, _enc) and that is in neither list below, so a new secret is
 * decided on, never leaked by default.
 */

/** Tenant-table columns written as null: credentials, sealed keys, and hashes of tokens that grant access. */
export const REDACTED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  invitations: ['token_hash'],
  ml_tokens: ['access_token_enc', 'refresh_token_enc'],
  payment_settings: ['stripe_secret_key_enc', 'stripe_webhook_secret_enc'],
  // The hash of a buyer's cart cookie and the token of an order's tracking link: whoever holds them sees the cart
  // or the order.
  carts: ['session_hash'],
  orders: ['tracking_token'],
  // Buyer accounts: the password's hash, and the hashes of sessions and one-time email links.
  buyer_accounts: ['password_hash'],
  buyer_sessions: ['token_hash'],
  buyer_tokens: ['token_hash'],
};

/**
 * Withheld required columns that a restore fills with a new random value: the row keeps its history, and the old
 * link or cookie simply stops working (an invitation is sent again, a buyer gets a new tracking link). Any other
 * withheld required column (sealed keys and tokens) makes the restore leave its table out.
 */
export const REGENERATED_ON_RESTORE: Readonly<Record<string, readonly string[]>> = {
  invitations: ['token_hash'],
  carts: ['session_hash'],
  orders: ['tracking_token'],
  // A restored buyer account keeps its addresses and orders but no usable password (the buyer resets it by email);
  // restored sessions and email links match no cookie or link.
  buyer_accounts: ['password_hash'],
  buyer_sessions: ['token_hash'],
  buyer_tokens: ['token_hash'],
};

/** Columns whose names look like secrets but are not: kept in the export on purpose. */
export const NOT_SECRET_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  // Which key sealed the (withheld) tokens, and the last four characters shown in the settings page.
  ml_tokens: ['key_id'],
  payment_settings: ['stripe_secret_last4', 'stripe_publishable_key'],
};

export const SECRET_LOOKING_COLUMN = /hash|secret|token|password|_enc$|totp|recovery/i;

/**
 * The platform rows of the store, by an explicit list of columns (never `SELECT *`): a column added to these
 * tables later is left out until someone adds it here. Users give only who they are; their password hash, TOTP
 * secret, sessions and recovery codes stay behind. The tenant's sealed database address and the domains'
 * verification tokens stay behind too.
 */
export const PLATFORM_COLUMNS = {
  tenant: [
    'id', 'slug', 'name', 'status', 'billing_status', 'plan_code', 'locale', 'currency', 'country', 'branding',
    'suspended_reason', 'trial_ends_at', 'created_at', 'updated_at',
  ],
  domains: ['id', 'tenant_id', 'hostname', 'kind', 'verification', 'verified_at', 'is_primary', 'created_at'],
  users: ['id', 'email', 'name', 'created_at'],
} as const;

/** Platform columns that exist and are withheld (listed in the manifest, checked by the redaction test). */
export const WITHHELD_PLATFORM_COLUMNS = {
  tenant: ['database_url_enc'],
  domains: ['verification_token'],
  users: ['password_hash', 'totp_secret_enc', 'totp_last_step', 'totp_enabled_at', 'email_verified', 'image', 'platform_role', 'updated_at'],
} as const;

export function isRedacted(table: string, column: string): boolean {
  return REDACTED_COLUMNS[table]?.includes(column) ?? false;
}
