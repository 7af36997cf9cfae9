import type { PrismaClient } from '@vitrine/db';

/**
 * Test support: rows for one store in (nearly) every tenant table, written as the owner inside a transaction
 * that sets the store (row-level security is forced even for the owner). Values that must never leave in an
 * export carry the marker `SECRET` so a test can look for it in the archive's bytes.
 */
export const FILLED_TABLES = [
  'memberships', 'storefront_configs', 'categories', 'products', 'product_variants', 'product_images', 'collections',
  'collection_products', 'product_slug_redirects', 'product_search_terms', 'product_imports', 'data_exports', 'audit_logs',
  'ml_accounts', 'ml_tokens', 'ml_items', 'ml_orders', 'ml_order_items', 'ml_shipments', 'ml_questions', 'ml_answers',
  'ml_messages', 'ml_sync_runs', 'ml_notifications', 'invitations', 'store_visits_daily', 'store_pages', 'store_setup',
  'payment_settings', 'shipping_rates',
] as const;

export async function fillStore(owner: PrismaClient, tenantId: string, tag: string, mlUserId: number): Promise<void> {
  const id = (name: string) => `${name}_${tag}`;
  await owner.$transaction(async (tx) => {
    const q = (sql: string, params: unknown[] = []) => tx.$executeRawUnsafe(sql, ...params);
    await q(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    await q(`UPDATE storefront_configs SET published_at = now(), contact_email = $2 WHERE tenant_id = $1`, [tenantId, `shop-${tag}@example.test`]);
    await q(`INSERT INTO categories (id, tenant_id, name, slug, updated_at) VALUES ($1, $2, 'Shirts', 'shirts', now())`, [id('cat'), tenantId]);
    await q(`INSERT INTO categories (id, tenant_id, parent_id, name, slug, updated_at) VALUES ($1, $2, $3, 'Tees', 'tees', now())`, [id('sub'), tenantId, id('cat')]);
    for (const n of [1, 2, 3]) {
      await q(
        `INSERT INTO products (id, tenant_id, category_id, title, slug, status, options, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'ACTIVE', '[{"name":"Size","values":["S","M"]}]', now())`,
        [id(`prod${n}`), tenantId, id('sub'), `${tag} shirt, "${n}"\nline two`, `shirt-${n}`],
      );
      await q(
        `INSERT INTO product_variants (id, tenant_id, product_id, sku, price_amount, currency, stock, attributes, updated_at)
         VALUES ($1, $2, $3, $4, 4990, 'BRL', 7, '{"Size":"M"}', now())`,
        [id(`var${n}`), tenantId, id(`prod${n}`), `SKU-${tag}-${n}`],
      );
    }
    await q(`INSERT INTO product_images (id, tenant_id, product_id, storage_key, alt) VALUES ($1, $2, $3, $4, 'front')`, [id('img'), tenantId, id('prod1'), `tenants/${tenantId}/products/x/480.webp`]);
    await q(`INSERT INTO collections (id, tenant_id, title, slug, updated_at) VALUES ($1, $2, 'Summer', 'summer', now())`, [id('col'), tenantId]);
    await q(`INSERT INTO collection_products (tenant_id, collection_id, product_id) VALUES ($1, $2, $3)`, [tenantId, id('col'), id('prod1')]);
    await q(`INSERT INTO product_slug_redirects (id, tenant_id, old_slug, product_id) VALUES ($1, $2, 'old-shirt', $3)`, [id('psr'), tenantId, id('prod1')]);
    await q(`INSERT INTO product_imports (id, tenant_id, file_name, format, file, status) VALUES ($1, $2, 'p.csv', 'csv', '\\x00ff'::bytea, 'VALIDATED')`, [id('pi'), tenantId]);
    await q(`INSERT INTO data_exports (id, tenant_id, status, error) VALUES ($1, $2, 'FAILED', 'old failure')`, [id('de'), tenantId]);
    await q(`INSERT INTO audit_logs (id, tenant_id, action, target_type, target_id) VALUES ($1, $2, 'product.created', 'product', $3)`, [id('audit'), tenantId, id('prod1')]);
    await q(`INSERT INTO invitations (id, tenant_id, email, role, token_hash, expires_at) VALUES ($1, $2, $3, 'STAFF', $4, now() + interval '7 days')`, [
      id('inv'), tenantId, `invitee-${tag}@example.test`, `SECRET-invite-hash-${tag}`,
    ]);
    await q(`INSERT INTO store_visits_daily (tenant_id, day, visits) VALUES ($1, current_date, 3)`, [tenantId]);
    await q(`INSERT INTO store_pages (id, tenant_id, slug, title, body, updated_at) VALUES ($1, $2, 'about', 'About', 'We sell shirts.', now())`, [id('page'), tenantId]);
    await q(`INSERT INTO store_setup (tenant_id, completed_steps, updated_at) VALUES ($1, ARRAY['identity'], now())`, [tenantId]);
    await q(
      `INSERT INTO payment_settings (tenant_id, stripe_publishable_key, stripe_secret_key_enc, stripe_secret_last4, updated_at) VALUES ($1, 'pk_test_x', $2, '1234', now())`,
      [tenantId, `SECRET-stripe-${tag}`],
    );
    await q(`INSERT INTO shipping_rates (id, tenant_id, kind, name, price_amount, currency) VALUES ($1, $2, 'PICKUP', 'Pickup', 0, 'BRL')`, [id('rate'), tenantId]);
    await fillMercadoLivre(q, tenantId, tag, mlUserId);
  }, { timeout: 60_000, maxWait: 30_000 });
}

async function fillMercadoLivre(q: (sql: string, params?: unknown[]) => Promise<unknown>, tenantId: string, tag: string, mlUserId: number) {
  const account = `mla_${tag}`;
  await q(`INSERT INTO ml_accounts (id, tenant_id, ml_user_id, nickname, site_id, updated_at) VALUES ($1, $2, $3, 'SELLER', 'MLB', now())`, [account, tenantId, mlUserId]);
  await q(`INSERT INTO ml_tokens (account_id, tenant_id, access_token_enc, refresh_token_enc, key_id, expires_at) VALUES ($1, $2, $3, $4, 'k1', now())`, [
    account, tenantId, `SECRET-access-${tag}`, `SECRET-refresh-${tag}`,
  ]);
  await q(`INSERT INTO ml_items (id, tenant_id, account_id, ml_item_id, title, price_minor, currency, available_quantity, status) VALUES ($1, $2, $3, 'MLB1', 'Item', 9007199254740993, 'BRL', 1, 'active')`, [`mli_${tag}`, tenantId, account]);
  await q(`INSERT INTO ml_orders (id, tenant_id, account_id, ml_order_id, status, buyer_id, total_minor, currency, date_created) VALUES ($1, $2, $3, 2001, 'paid', 3001, 100, 'BRL', now())`, [`mlo_${tag}`, tenantId, account]);
  await q(`INSERT INTO ml_order_items (id, tenant_id, order_id, ml_item_id, title, quantity, unit_price_minor, currency) VALUES ($1, $2, $3, 'MLB1', 'Item', 1, 100, 'BRL')`, [`mloi_${tag}`, tenantId, `mlo_${tag}`]);
  await q(`INSERT INTO ml_shipments (id, tenant_id, account_id, ml_shipment_id, status) VALUES ($1, $2, $3, 4001, 'shipped')`, [`mls_${tag}`, tenantId, account]);
  await q(`INSERT INTO ml_questions (id, tenant_id, account_id, ml_question_id, ml_item_id, buyer_id, text, status, date_created) VALUES ($1, $2, $3, 5001, 'MLB1', 3001, 'Tem azul?', 'UNANSWERED', now())`, [`mlq_${tag}`, tenantId, account]);
  await q(`INSERT INTO ml_answers (id, tenant_id, account_id, ml_question_id, text, idempotency_key) VALUES ($1, $2, $3, 5001, 'Tem sim', 'k')`, [`mlan_${tag}`, tenantId, account]);
  await q(`INSERT INTO ml_messages (id, tenant_id, account_id, ml_message_id, pack_id, from_user_id, to_user_id, text, status, sent_at) VALUES ($1, $2, $3, 'msg1', 2001, 3001, 1001, 'Oi', 'available', now())`, [`mlm_${tag}`, tenantId, account]);
  await q(`INSERT INTO ml_sync_runs (id, tenant_id, account_id, resource, kind) VALUES ($1, $2, $3, 'ORDERS', 'BACKFILL')`, [`mlr_${tag}`, tenantId, account]);
  await q(`INSERT INTO ml_notifications (id, tenant_id, account_id, notification_key, topic, resource, ml_user_id) VALUES ($1, $2, $3, 'n1', 'orders_v2', '/orders/2001', $4)`, [`mln_${tag}`, tenantId, account, mlUserId]);
}

/** Gives a member and the store's address secrets, so a test can prove none of them reaches an archive. */
export async function giveSecrets(owner: PrismaClient, userId: string, tenantId: string, tag: string): Promise<void> {
  await owner.$executeRawUnsafe(`UPDATE users SET password_hash = $2, totp_secret_enc = $3 WHERE id = $1`, userId, `SECRET-password-${tag}`, `SECRET-totp-${tag}`);
  await owner.$executeRawUnsafe(`UPDATE domains SET verification_token = $2 WHERE tenant_id = $1`, tenantId, `SECRET-domain-${tag}`);
}
