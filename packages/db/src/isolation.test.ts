import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './database.ts';
import { createTestDatabase, testKeyRing, type TestDatabase } from './testing.ts';

/**
 * Tenant isolation enforced by the database itself (row-level security, grants, triggers) and by the
 * client extension on top of it.
 */

/** Tables carrying tenant_id that are platform data, reached without tenant RLS. */
/** support_ticket_index: readable by anyone, writable only under its own tenant (tested below). */
const PLATFORM_TABLES_WITH_TENANT_ID = new Set(['domains', 'outbox_jobs', 'ml_account_routes', 'webhook_events', 'support_ticket_index', 'tenant_daily_stats', 'tenant_subscriptions', 'impersonation_grants']);

const TENANT_TABLES = [
  'memberships',
  'storefront_configs',
  'categories',
  'products',
  'product_variants',
  'product_images',
  'collections',
  'collection_products',
  'product_slug_redirects',
  'product_search_terms',
  'product_imports',
  'support_tickets',
  'support_messages',
  'data_exports',
  'audit_logs',
  'ml_accounts',
  'ml_tokens',
  'ml_items',
  'ml_orders',
  'ml_order_items',
  'ml_shipments',
  'ml_questions',
  'ml_answers',
  'ml_messages',
  'ml_sync_runs',
  'ml_notifications',
  'invitations',
  'store_visits_daily',
  'store_pages',
  'store_setup',
  'payment_settings',
  'shipping_rates',
  'carts',
  'cart_items',
  'coupons',
  'coupon_redemptions',
  'tax_rules',
  'orders',
  'order_items',
  'order_events',
  'order_refunds',
  'tenant_module_overrides',
  'member_module_overrides',
  'buyer_accounts',
  'buyer_sessions',
  'buyer_addresses',
  'buyer_tokens',
];

const A = 'tenant_iso_a';
const B = 'tenant_iso_b';

/** Inserts one tenant's rows as the owner, inside a transaction that sets the tenant. */
async function insertTenantRows(owner: pg.Client, tenantId: string, userIds: string[]): Promise<void> {
  await owner.query('BEGIN');
  await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
  for (const userId of userIds) {
    await owner.query(`INSERT INTO memberships (id, tenant_id, user_id, role) VALUES ($1, $2, $3, 'OWNER')`, [
      `m_${tenantId}_${userId}`,
      tenantId,
      userId,
    ]);
  }
  await owner.query(`INSERT INTO storefront_configs (tenant_id, updated_at) VALUES ($1, now())`, [tenantId]);
  await owner.query(`INSERT INTO categories (id, tenant_id, name, slug, updated_at) VALUES ($1, $2, 'Shirts', 'shirts', now())`, [
    `c_${tenantId}`,
    tenantId,
  ]);
  for (const n of [1, 2, 3]) {
    await owner.query(
      `INSERT INTO products (id, tenant_id, category_id, title, slug, status, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'ACTIVE', now())`,
      [`p_${tenantId}_${n}`, tenantId, `c_${tenantId}`, `${tenantId} product ${n}`, `product-${n}`],
    );
  }
  await owner.query(
    `INSERT INTO product_variants (id, tenant_id, product_id, sku, price_amount, currency, updated_at)
     VALUES ($1, $2, $3, 'SKU-1', 1000, 'BRL', now())`,
    [`v_${tenantId}`, tenantId, `p_${tenantId}_1`],
  );
  await owner.query(`INSERT INTO product_images (id, tenant_id, product_id, storage_key) VALUES ($1, $2, $3, 'k')`, [
    `i_${tenantId}`,
    tenantId,
    `p_${tenantId}_1`,
  ]);
  await owner.query(`INSERT INTO audit_logs (id, tenant_id, action) VALUES ($1, $2, 'test.fixture')`, [`a_${tenantId}`, tenantId]);
  await insertMercadoLivreRows(owner, tenantId);
  await insertTeamRows(owner, tenantId);
  await insertWizardRows(owner, tenantId);
  await insertCatalogRows(owner, tenantId);
  await insertCommerceRows(owner, tenantId);
  await insertSupportRows(owner, tenantId);
  await insertModuleRows(owner, tenantId, userIds[userIds.length - 1]!);
  await owner.query('COMMIT');
}

/** A collection holding a product and an old product address (search terms come from the products' trigger). */
async function insertCatalogRows(owner: pg.Client, tenantId: string): Promise<void> {
  await owner.query(`INSERT INTO collections (id, tenant_id, title, slug, updated_at) VALUES ($1, $2, 'Summer', 'summer', now())`, [`col_${tenantId}`, tenantId]);
  await owner.query(`INSERT INTO collection_products (tenant_id, collection_id, product_id) VALUES ($1, $2, $3)`, [tenantId, `col_${tenantId}`, `p_${tenantId}_1`]);
  await owner.query(`INSERT INTO product_slug_redirects (id, tenant_id, old_slug, product_id) VALUES ($1, $2, 'old-product', $3)`, [`psr_${tenantId}`, tenantId, `p_${tenantId}_1`]);
  await owner.query(`INSERT INTO product_imports (id, tenant_id, file_name, format, file, status) VALUES ($1, $2, 'p.csv', 'csv', '\\x00'::bytea, 'VALIDATED')`, [
    `pi_${tenantId}`,
    tenantId,
  ]);
  await owner.query(`INSERT INTO data_exports (id, tenant_id, status) VALUES ($1, $2, 'QUEUED')`, [`de_${tenantId}`, tenantId]);
}

/** A module switched off for the store by the platform and one switched off for a member. */
async function insertModuleRows(owner: pg.Client, tenantId: string, userId: string): Promise<void> {
  await owner.query(`INSERT INTO tenant_module_overrides (tenant_id, module_code, enabled, reason, updated_at) VALUES ($1, 'coupons', false, 'Test', now())`, [tenantId]);
  await owner.query(`INSERT INTO member_module_overrides (tenant_id, user_id, module_code) VALUES ($1, $2, 'support')`, [tenantId, userId]);
}

/** A support ticket with one message, and its row in the platform-level index. */
async function insertSupportRows(owner: pg.Client, tenantId: string): Promise<void> {
  await owner.query(
    `INSERT INTO support_tickets (id, tenant_id, number, subject, created_by_user_id, updated_at) VALUES ($1, $2, 1, 'Help', 'u_a', now())`,
    [`st_${tenantId}`, tenantId],
  );
  await owner.query(`INSERT INTO support_messages (id, tenant_id, ticket_id, author_user_id, author_kind, body) VALUES ($1, $2, $3, 'u_a', 'TENANT', 'Hi')`, [
    `sm_${tenantId}`, tenantId, `st_${tenantId}`,
  ]);
  await owner.query(
    `INSERT INTO support_ticket_index (ticket_id, tenant_id, number, subject, status, priority, last_author_kind, last_message_at, created_at)
     VALUES ($1, $2, 1, 'Help', 'OPEN', 'NORMAL', 'TENANT', now(), now())`,
    [`st_${tenantId}`, tenantId],
  );
}

/** A cart with one item, a coupon, a tax rule and an order with an item, an event, a refund and the coupon's use. */
async function insertCommerceRows(owner: pg.Client, tenantId: string): Promise<void> {
  await owner.query(`INSERT INTO carts (id, tenant_id, session_hash, currency, updated_at) VALUES ($1, $2, 'h', 'BRL', now())`, [`cart_${tenantId}`, tenantId]);
  await owner.query(`INSERT INTO cart_items (id, tenant_id, cart_id, variant_id, quantity) VALUES ($1, $2, $3, $4, 1)`, [
    `ci_${tenantId}`, tenantId, `cart_${tenantId}`, `v_${tenantId}`,
  ]);
  await owner.query(`INSERT INTO coupons (id, tenant_id, code, kind, value, updated_at) VALUES ($1, $2, 'WELCOME', 'PERCENT', 1000, now())`, [`cp_${tenantId}`, tenantId]);
  await owner.query(`INSERT INTO tax_rules (id, tenant_id, name, country, rate_basis_points, updated_at) VALUES ($1, $2, 'VAT', 'BR', 1000, now())`, [`tr_${tenantId}`, tenantId]);
  await owner.query(
    `INSERT INTO orders (id, tenant_id, number, buyer_email, buyer_name, shipping_address, shipping_method, shipping_method_name,
       shipping_amount, subtotal_amount, discount_amount, tax_amount, total_amount, currency, locale, tracking_token, updated_at)
     VALUES ($1, $2, 1001, 'b@example.com', 'B', '{}', 'pickup', 'Pickup', 0, 1000, 100, 90, 990, 'BRL', 'pt-BR', $1, now())`,
    [`o_${tenantId}`, tenantId],
  );
  await owner.query(
    `INSERT INTO order_items (id, tenant_id, order_id, variant_id, title, sku, unit_price_amount, quantity, line_total_amount)
     VALUES ($1, $2, $3, $4, 'Shirt', 'SKU-1', 1000, 1, 1000)`,
    [`oi_${tenantId}`, tenantId, `o_${tenantId}`, `v_${tenantId}`],
  );
  await owner.query(`INSERT INTO order_events (id, tenant_id, order_id, type, to_status) VALUES ($1, $2, $3, 'created', 'CREATED')`, [`oe_${tenantId}`, tenantId, `o_${tenantId}`]);
  await owner.query(`INSERT INTO order_refunds (id, tenant_id, order_id, provider_refund_id, amount) VALUES ($1, $2, $3, 're_1', 100)`, [`or_${tenantId}`, tenantId, `o_${tenantId}`]);
  await owner.query(`INSERT INTO coupon_redemptions (id, tenant_id, coupon_id, order_id, buyer_email) VALUES ($1, $2, $3, $4, 'b@example.com')`, [
    `cr_${tenantId}`, tenantId, `cp_${tenantId}`, `o_${tenantId}`,
  ]);
  // A buyer's account with a session, an address and an email token.
  await owner.query(`INSERT INTO buyer_accounts (id, tenant_id, email, password_hash, name, updated_at) VALUES ($1, $2, 'b@example.com', 'x', 'B', now())`, [`ba_${tenantId}`, tenantId]);
  await owner.query(`INSERT INTO buyer_sessions (id, tenant_id, account_id, token_hash, expires_at) VALUES ($1, $2, $3, $1, now())`, [`bs_${tenantId}`, tenantId, `ba_${tenantId}`]);
  await owner.query(`INSERT INTO buyer_addresses (id, tenant_id, account_id, name, line1, city, postal_code, country, updated_at) VALUES ($1, $2, $3, 'B', 'St 1', 'City', '0', 'BR', now())`, [
    `bad_${tenantId}`, tenantId, `ba_${tenantId}`,
  ]);
  await owner.query(`INSERT INTO buyer_tokens (id, tenant_id, account_id, kind, token_hash, expires_at) VALUES ($1, $2, $3, 'VERIFY_EMAIL', $1, now())`, [`bt_${tenantId}`, tenantId, `ba_${tenantId}`]);
}

/** The setup wizard's progress, payment settings and one shipping rate (inside insertTenantRows' transaction). */
async function insertWizardRows(owner: pg.Client, tenantId: string): Promise<void> {
  await owner.query(`INSERT INTO store_setup (tenant_id, completed_steps, updated_at) VALUES ($1, ARRAY['identity'], now())`, [tenantId]);
  await owner.query(
    `INSERT INTO payment_settings (tenant_id, stripe_publishable_key, stripe_secret_key_enc, stripe_secret_last4, updated_at) VALUES ($1, 'pk_test_x', 'v1.k.a.b.c', '1234', now())`,
    [tenantId],
  );
  await owner.query(`INSERT INTO shipping_rates (id, tenant_id, kind, name, price_amount, currency) VALUES ($1, $2, 'PICKUP', 'Pickup', 0, 'BRL')`, [
    `sr_${tenantId}`,
    tenantId,
  ]);
}

/** One invitation, one day of visits and one institutional page (inside insertTenantRows' transaction). */
async function insertTeamRows(owner: pg.Client, tenantId: string): Promise<void> {
  await owner.query(
    `INSERT INTO invitations (id, tenant_id, email, role, token_hash, expires_at) VALUES ($1, $2, 'x@example.com', 'STAFF', $1, now())`,
    [`inv_${tenantId}`, tenantId],
  );
  await owner.query(`INSERT INTO store_visits_daily (tenant_id, day, visits) VALUES ($1, current_date, 3)`, [tenantId]);
  await owner.query(`INSERT INTO store_pages (id, tenant_id, slug, title, updated_at) VALUES ($1, $2, 'about', 'About', now())`, [
    `sp_${tenantId}`,
    tenantId,
  ]);
}

/** One row in every Mercado Livre table for the tenant (inside insertTenantRows' transaction). */
async function insertMercadoLivreRows(owner: pg.Client, tenantId: string): Promise<void> {
  const account = `mla_${tenantId}`;
  const mlUserId = tenantId === A ? 1001 : 1002;
  await owner.query(
    `INSERT INTO ml_accounts (id, tenant_id, ml_user_id, nickname, site_id, updated_at) VALUES ($1, $2, $3, 'SELLER', 'MLB', now())`,
    [account, tenantId, mlUserId],
  );
  const rows: Array<[string, string, unknown[]]> = [
    ['ml_tokens', `(account_id, tenant_id, access_token_enc, refresh_token_enc, key_id, expires_at) VALUES ($1, $2, 'a', 'r', 'k1', now())`, []],
    ['ml_items', `(id, tenant_id, account_id, ml_item_id, title, price_minor, currency, available_quantity, status)
       VALUES ($3, $2, $1, 'MLB1', 'Item', 100, 'BRL', 1, 'active')`, [`mli_${tenantId}`]],
    ['ml_orders', `(id, tenant_id, account_id, ml_order_id, status, buyer_id, total_minor, currency, date_created)
       VALUES ($3, $2, $1, 2001, 'paid', 3001, 100, 'BRL', now())`, [`mlo_${tenantId}`]],
    ['ml_order_items', `(id, tenant_id, order_id, ml_item_id, title, quantity, unit_price_minor, currency)
       SELECT $3, $2, id, 'MLB1', 'Item', 1, 100, 'BRL' FROM ml_orders WHERE account_id = $1`, [`mloi_${tenantId}`]],
    ['ml_shipments', `(id, tenant_id, account_id, ml_shipment_id, status) VALUES ($3, $2, $1, 4001, 'shipped')`, [`mls_${tenantId}`]],
    ['ml_questions', `(id, tenant_id, account_id, ml_question_id, ml_item_id, buyer_id, text, status, date_created)
       VALUES ($3, $2, $1, 5001, 'MLB1', 3001, 'Tem azul?', 'UNANSWERED', now())`, [`mlq_${tenantId}`]],
    ['ml_answers', `(id, tenant_id, account_id, ml_question_id, text, idempotency_key) VALUES ($3, $2, $1, 5001, 'Tem sim', 'k')`, [`mlan_${tenantId}`]],
    ['ml_messages', `(id, tenant_id, account_id, ml_message_id, pack_id, from_user_id, to_user_id, text, status, sent_at)
       VALUES ($3, $2, $1, 'msg1', 2001, 3001, 1001, 'Oi', 'available', now())`, [`mlm_${tenantId}`]],
    ['ml_sync_runs', `(id, tenant_id, account_id, resource, kind) VALUES ($3, $2, $1, 'ORDERS', 'BACKFILL')`, [`mlr_${tenantId}`]],
    ['ml_notifications', `(id, tenant_id, account_id, notification_key, topic, resource, ml_user_id)
       VALUES ($3, $2, $1, 'n1', 'orders_v2', '/orders/2001', 1001)`, [`mln_${tenantId}`]],
  ];
  for (const [table, values, extra] of rows) {
    await owner.query(`INSERT INTO ${table} ${values}`, [account, tenantId, ...extra]);
  }
}

describe('tenant isolation in the database', () => {
  let t: TestDatabase;
  let owner: pg.Client;
  let app: pg.Client;
  let db: Database;

  beforeAll(async () => {
    t = await createTestDatabase('isolation');
    owner = new pg.Client({ connectionString: t.ownerUrl });
    app = new pg.Client({ connectionString: t.appUrl });
    await Promise.all([owner.connect(), app.connect()]);
    await owner.query(`INSERT INTO tenants (id, slug, name, updated_at) VALUES ($1, 'iso-a', 'A', now()), ($2, 'iso-b', 'B', now())`, [A, B]);
    await owner.query(
      `INSERT INTO users (id, email, updated_at) VALUES ('u_both', 'both@example.com', now()),
         ('u_a', 'a@example.com', now()), ('u_b', 'b@example.com', now())`,
    );
    await insertTenantRows(owner, A, ['u_both', 'u_a']);
    await insertTenantRows(owner, B, ['u_both', 'u_b']);
    db = createDatabase({ appDatabaseUrl: t.appUrl, keyRing: testKeyRing() });
  });

  afterAll(async () => {
    await db?.disconnect();
    await Promise.all([owner?.end(), app?.end()]);
    await t?.drop();
  });

  it('shows the application role no rows of any tenant table when no tenant is set', async () => {
    for (const table of TENANT_TABLES) {
      const asOwner = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
      expect(asOwner.rows[0]!.n, table).toBeGreaterThan(0);
      const asApp = await app.query(`SELECT * FROM "${table}"`);
      expect(asApp.rows, table).toHaveLength(0);
    }
  });

  it('shows the application role only the tenant set for the transaction', async () => {
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [A]);
    for (const table of TENANT_TABLES) {
      const { rows } = await app.query<{ tenant_id: string }>(`SELECT tenant_id FROM "${table}"`);
      expect(rows.length, table).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.tenant_id)), table).toEqual(new Set([A]));
    }
    await app.query('COMMIT');
    // The setting was transaction-local: the connection carries nothing over.
    expect((await app.query('SELECT * FROM products')).rows).toHaveLength(0);
  });

  it('refuses an insert of another tenant’s row', async () => {
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [A]);
    const error = await app
      .query(`INSERT INTO products (id, tenant_id, title, slug, updated_at) VALUES ('p_sneaky', $1, 'x', 'sneaky', now())`, [B])
      .catch((e: { code?: string; message: string }) => e);
    await app.query('ROLLBACK');
    expect(error).toMatchObject({ code: '42501' });
    expect((error as Error).message).toMatch(/row-level security/);
    expect((await owner.query(`SELECT 1 FROM products WHERE id = 'p_sneaky'`)).rows).toHaveLength(0);
  });

  it('refuses an insert with no tenant set', async () => {
    const error = await app
      .query(`INSERT INTO categories (id, tenant_id, name, slug, updated_at) VALUES ('c_none', $1, 'x', 'x', now())`, [A])
      .catch((e: { code?: string }) => e);
    expect(error).toMatchObject({ code: '42501' });
  });

  it('lets the platform read every store’s daily stats, a store only its own, and writes only under the store in force', async () => {
    const all = await app.query<{ tenant_id: string }>('SELECT tenant_id FROM tenant_daily_stats');
    expect(new Set(all.rows.map((r) => r.tenant_id))).toEqual(new Set([A, B]));
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [A]);
    const own = await app.query<{ tenant_id: string }>('SELECT tenant_id FROM tenant_daily_stats');
    const updated = await app.query(`UPDATE tenant_daily_stats SET paid_orders = 99 WHERE tenant_id = $1`, [B]);
    const deleted = await app.query(`DELETE FROM tenant_daily_stats WHERE tenant_id = $1`, [A]).catch((e: { code?: string }) => e);
    await app.query('ROLLBACK');
    expect(new Set(own.rows.map((r) => r.tenant_id))).toEqual(new Set([A]));
    expect(updated.rowCount).toBe(0);
    expect(deleted).toMatchObject({ code: '42501' });
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [A]);
    const forged = await app
      .query(`INSERT INTO tenant_daily_stats (tenant_id, day, currency, paid_orders) VALUES ($1, '2000-01-01', 'BRL', 5)`, [B])
      .catch((e: { code?: string }) => e);
    await app.query('ROLLBACK');
    expect(forged).toMatchObject({ code: '42501' });
    const b = await owner.query(`SELECT sum(paid_orders)::int AS n FROM tenant_daily_stats WHERE tenant_id = $1 AND day = '2000-01-01'`, [B]);
    expect(b.rows[0].n).toBeNull();
  });

  it('lets anyone read the support ticket index but write only the rows of the tenant in force', async () => {
    const all = await app.query<{ tenant_id: string }>('SELECT tenant_id FROM support_ticket_index');
    expect(new Set(all.rows.map((r) => r.tenant_id))).toEqual(new Set([A, B]));
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [A]);
    const updated = await app.query(`UPDATE support_ticket_index SET subject = 'taken' WHERE tenant_id = $1`, [B]);
    const deleted = await app.query(`DELETE FROM support_ticket_index WHERE tenant_id = $1`, [B]);
    const moved = await app
      .query(`UPDATE support_ticket_index SET tenant_id = $1 WHERE tenant_id = $2`, [B, A])
      .catch((e: { code?: string }) => e);
    await app.query('ROLLBACK');
    expect([updated.rowCount, deleted.rowCount]).toEqual([0, 0]);
    expect(moved).toMatchObject({ code: '42501' });
    const forged = await app
      .query(
        `INSERT INTO support_ticket_index (ticket_id, tenant_id, number, subject, status, priority, last_author_kind, last_message_at, created_at)
         VALUES ('st_forged', $1, 2, 'x', 'OPEN', 'NORMAL', 'TENANT', now(), now())`,
        [B],
      )
      .catch((e: { code?: string }) => e);
    expect(forged).toMatchObject({ code: '42501' });
    const b = await owner.query(`SELECT subject FROM support_ticket_index WHERE tenant_id = $1`, [B]);
    expect(b.rows).toEqual([{ subject: 'Help' }]);
  });

  it('refuses a variant pointing at another tenant’s product, through forTenant', async () => {
    const tdb = await db.forTenant(A);
    await expect(
      tdb.productVariant.create({
        data: { tenantId: A, productId: `p_${B}_1`, sku: 'CROSS-1', priceAmount: 100, currency: 'BRL' },
      }),
    ).rejects.toThrow();
    await expect(
      tdb.productImage.create({ data: { tenantId: A, productId: `p_${B}_2`, storageKey: 'stolen' } }),
    ).rejects.toThrow();
    const leaked = await owner.query(`SELECT 1 FROM product_variants WHERE sku = 'CROSS-1' UNION ALL SELECT 1 FROM product_images WHERE storage_key = 'stolen'`);
    expect(leaked.rows).toHaveLength(0);
  });

  it('refuses a cart item or an order item pointing at another tenant’s variant, cart or order', async () => {
    const tdb = await db.forTenant(A);
    await expect(tdb.cartItem.create({ data: { tenantId: A, cartId: `cart_${A}`, variantId: `v_${B}`, quantity: 1 } })).rejects.toThrow();
    await expect(tdb.cartItem.create({ data: { tenantId: A, cartId: `cart_${B}`, variantId: `v_${A}`, quantity: 1 } })).rejects.toThrow();
    await expect(
      tdb.orderItem.create({
        data: { tenantId: A, orderId: `o_${A}`, variantId: `v_${B}`, title: 'x', sku: 'x', unitPriceAmount: 1, quantity: 1, lineTotalAmount: 1 },
      }),
    ).rejects.toThrow();
    await expect(tdb.orderEvent.create({ data: { tenantId: A, orderId: `o_${B}`, type: 'forged' } })).rejects.toThrow();
    const leaked = await owner.query(
      `SELECT 1 FROM cart_items WHERE id NOT IN ($1, $2) UNION ALL SELECT 1 FROM order_items WHERE title = 'x' UNION ALL SELECT 1 FROM order_events WHERE type = 'forged'`,
      [`ci_${A}`, `ci_${B}`],
    );
    expect(leaked.rows).toHaveLength(0);
  });

  it('refuses UPDATE and DELETE on audit_logs to the application role', async () => {
    for (const statement of [`UPDATE audit_logs SET action = 'forged'`, 'DELETE FROM audit_logs', 'TRUNCATE audit_logs']) {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [A]);
      const error = await app.query(statement).catch((e: { code?: string }) => e);
      await app.query('ROLLBACK');
      expect(error, statement).toMatchObject({ code: '42501' });
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_logs even to the owner', async () => {
    for (const statement of [`UPDATE audit_logs SET action = 'forged'`, 'DELETE FROM audit_logs', 'TRUNCATE audit_logs']) {
      const error = await owner.query(statement).catch((e: { message: string }) => e);
      expect(error, statement).toBeInstanceOf(Error);
      expect((error as Error).message, statement).toMatch(/audit_logs is append-only/);
    }
    const { rows } = await owner.query<{ action: string }>('SELECT action FROM audit_logs');
    expect(rows.map((r) => r.action)).toEqual(['test.fixture', 'test.fixture']);
  });

  it('connects the application as a role that is not superuser, never bypasses RLS and owns nothing', async () => {
    const role = await owner.query<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; rolcreatedb: boolean }>(
      `SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = 'vitrine_app'`,
    );
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const { rows: who } = await app.query<{ u: string }>('SELECT current_user AS u');
    expect(who[0]!.u).toBe('vitrine_app');
    const owned = await owner.query(
      `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
       WHERE r.rolname = 'vitrine_app'
       UNION ALL SELECT p.proname FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner WHERE r.rolname = 'vitrine_app'
       UNION ALL SELECT n.nspname FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE r.rolname = 'vitrine_app'`,
    );
    expect(owned.rows).toEqual([]);
  });

  it('gives every tenant-owned table forced RLS, a policy and an index starting with tenant_id', async () => {
    const { rows } = await owner.query<{
      table: string;
      rls: boolean;
      forced: boolean;
      policies: number;
      tenant_first_indexes: number;
    }>(`
      SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
        (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
        (SELECT count(*)::int FROM pg_index i WHERE i.indrelid = c.oid AND i.indkey[0] = a.attnum) AS tenant_first_indexes
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
      WHERE c.relkind IN ('r', 'p')
      ORDER BY c.relname`);
    const tenantOwned = rows.filter((r) => !PLATFORM_TABLES_WITH_TENANT_ID.has(r.table));
    expect(tenantOwned.map((r) => r.table).sort()).toEqual([...TENANT_TABLES].sort());
    for (const row of tenantOwned) {
      expect(row, row.table).toMatchObject({ rls: true, forced: true });
      expect(row.policies, row.table).toBeGreaterThan(0);
      expect(row.tenant_first_indexes, row.table).toBeGreaterThan(0);
    }
  });
});

describe('forTenant and forUser', () => {
  let t: TestDatabase;
  let owner: pg.Client;
  let db: Database;

  beforeAll(async () => {
    t = await createTestDatabase('scope');
    owner = new pg.Client({ connectionString: t.ownerUrl });
    await owner.connect();
    await owner.query(`INSERT INTO tenants (id, slug, name, updated_at) VALUES ($1, 'iso-a', 'A', now()), ($2, 'iso-b', 'B', now())`, [A, B]);
    await owner.query(
      `INSERT INTO users (id, email, updated_at) VALUES ('u_both', 'both@example.com', now()),
         ('u_a', 'a@example.com', now()), ('u_b', 'b@example.com', now())`,
    );
    await insertTenantRows(owner, A, ['u_both', 'u_a']);
    await insertTenantRows(owner, B, ['u_both', 'u_b']);
    db = createDatabase({ appDatabaseUrl: t.appUrl, keyRing: testKeyRing(), maxConnections: 8 });
  });

  afterAll(async () => {
    await db?.disconnect();
    await owner?.end();
    await t?.drop();
  });

  it('reads only the tenant’s own rows', async () => {
    const a = await db.forTenant(A);
    const products = await a.product.findMany({ orderBy: { id: 'asc' } });
    expect(products.map((p) => p.id)).toEqual([`p_${A}_1`, `p_${A}_2`, `p_${A}_3`]);
    expect(await a.product.findFirst({ where: { id: `p_${B}_1` } })).toBeNull();
    expect(await a.product.findUnique({ where: { id: `p_${B}_1` } })).toBeNull();
    expect(await a.product.count()).toBe(3);
    expect(await a.product.updateMany({ where: { id: `p_${B}_1` }, data: { title: 'taken' } })).toEqual({ count: 0 });
    expect(await a.product.deleteMany({ where: { tenantId: B } })).toEqual({ count: 0 });
    expect((await owner.query(`SELECT count(*)::int AS n FROM products WHERE tenant_id = $1`, [B])).rows[0].n).toBe(3);
  });

  it('fills tenantId on create, createMany and upsert, whatever the caller passed', async () => {
    const a = await db.forTenant(A);
    const created = await a.category.create({ data: { tenantId: B, name: 'Hats', slug: 'hats' } });
    expect(created.tenantId).toBe(A);
    const omitted = await a.category.create({
      data: { name: 'Socks', slug: 'socks' } as unknown as Parameters<typeof a.category.create>[0]['data'],
    });
    expect(omitted.tenantId).toBe(A);
    await a.category.createMany({
      data: [
        { tenantId: B, name: 'Bags', slug: 'bags' },
        { tenantId: B, name: 'Belts', slug: 'belts' },
      ],
    });
    const upserted = await a.category.upsert({
      where: { tenantId_slug: { tenantId: A, slug: 'scarves' } },
      create: { tenantId: B, name: 'Scarves', slug: 'scarves' },
      update: {},
    });
    expect(upserted.tenantId).toBe(A);
    const { rows } = await owner.query<{ tenant_id: string; slug: string }>(
      `SELECT tenant_id, slug FROM categories WHERE slug IN ('hats', 'socks', 'bags', 'belts', 'scarves') ORDER BY slug`,
    );
    expect(rows).toEqual(['bags', 'belts', 'hats', 'scarves', 'socks'].map((slug) => ({ tenant_id: A, slug })));
  });

  it('rolls back every write of $scoped when its callback throws', async () => {
    const a = await db.forTenant(A);
    await expect(
      a.$scoped(async (tx) => {
        await tx.product.create({ data: { tenantId: A, title: 'Doomed', slug: 'doomed' } });
        await tx.auditLog.create({ data: { tenantId: A, action: 'product.create' } });
        await tx.product.update({ where: { id: `p_${A}_2` }, data: { title: 'Renamed' } });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const { rows } = await owner.query(
      `SELECT 1 FROM products WHERE slug = 'doomed' OR title = 'Renamed'
       UNION ALL SELECT 1 FROM audit_logs WHERE action = 'product.create'`,
    );
    expect(rows).toHaveLength(0);
  });

  it('keeps 200 parallel interleaved operations of two tenants apart', async () => {
    const scoped = { [A]: await db.forTenant(A), [B]: await db.forTenant(B) };
    const other = (tenantId: string) => (tenantId === A ? B : A);
    const ops = Array.from({ length: 200 }, async (_, i) => {
      const tenantId = i % 2 === 0 ? A : B;
      const tdb = scoped[tenantId]!;
      switch (i % 8) {
        case 0:
        case 1: {
          const rows = await tdb.product.findMany();
          return rows.every((p) => p.tenantId === tenantId) && rows.length >= 3;
        }
        case 2:
        case 3: {
          const own = await tdb.product.findUnique({ where: { id: `p_${tenantId}_1` } });
          const foreign = await tdb.product.findUnique({ where: { id: `p_${other(tenantId)}_1` } });
          return own?.tenantId === tenantId && foreign === null;
        }
        case 4:
        case 5: {
          const first = await tdb.productVariant.findFirst({ where: { sku: 'SKU-1' } });
          return first?.tenantId === tenantId;
        }
        default: {
          const made = await tdb.product.create({ data: { tenantId: other(tenantId), title: `par ${i}`, slug: `par-${i}` } });
          const members = await tdb.membership.findMany();
          return made.tenantId === tenantId && members.length === 2 && members.every((m) => m.tenantId === tenantId);
        }
      }
    });
    const results = await Promise.all(ops);
    expect(results.filter((ok) => !ok)).toHaveLength(0);
    const { rows } = await owner.query<{ tenant_id: string; slug: string }>(`SELECT tenant_id, slug FROM products WHERE slug LIKE 'par-%'`);
    expect(rows).toHaveLength(50);
    for (const row of rows) {
      const i = Number(row.slug.slice(4));
      expect(row.tenant_id).toBe(i % 2 === 0 ? A : B);
    }
  });

  it('lists a user’s own memberships in both tenants and nobody else’s', async () => {
    const both = await db.forUser('u_both').membership.findMany({ orderBy: { tenantId: 'asc' } });
    expect(both.map((m) => [m.tenantId, m.userId])).toEqual([
      [A, 'u_both'],
      [B, 'u_both'],
    ]);
    const onlyA = await db.forUser('u_a').membership.findMany();
    expect(onlyA.map((m) => [m.tenantId, m.userId])).toEqual([[A, 'u_a']]);
    expect(await db.forUser('u_nobody').membership.findMany()).toEqual([]);
    // The platform client, with no user or tenant set, sees none.
    expect(await db.platform.membership.findMany()).toEqual([]);
  });
});
