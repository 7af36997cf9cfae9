import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './database.ts';
import { openDedicatedUrls } from './dedicated.ts';
import { moveTenantToDedicated, moveTenantToPooled, TenantMoveError } from './provision.ts';
import { tenantTables } from './tenant-tables.ts';
import { createTestDatabase, databaseUrl, dropDatabase, testKeyRing, type TestDatabase } from './testing.ts';

const serverUrl = () => process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const keyRing = testKeyRing();
const A = 'tenant_move_a';
const B = 'tenant_move_b';

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * One or more rows in every other tenant table, beside the catalog rows the tests below name (same tenant
 * transaction, owner connection, `$1` the tenant). product_search_terms comes from the products' triggers, and
 * the paid order feeds tenant_daily_stats.
 */
const MORE_ROWS = [
  `INSERT INTO collections (id, tenant_id, title, slug, updated_at) VALUES ($1 || '_col', $1, 'Summer', 'summer', now())`,
  `INSERT INTO collection_products (tenant_id, collection_id, product_id) VALUES ($1, $1 || '_col', $1 || '_p1')`,
  `INSERT INTO product_slug_redirects (id, tenant_id, old_slug, product_id) VALUES ($1 || '_psr', $1, 'old-one', $1 || '_p1')`,
  `INSERT INTO product_imports (id, tenant_id, file_name, format, file, status) VALUES ($1 || '_pi', $1, 'p.csv', 'csv', '\\x00ff'::bytea, 'VALIDATED')`,
  `INSERT INTO data_exports (id, tenant_id, status, error) VALUES ($1 || '_de', $1, 'FAILED', 'old failure')`,
  `INSERT INTO invitations (id, tenant_id, email, role, token_hash, expires_at) VALUES ($1 || '_inv', $1, 'x@example.com', 'STAFF', $1 || '_inv', now())`,
  `INSERT INTO store_visits_daily (tenant_id, day, visits) VALUES ($1, current_date, 3)`,
  `INSERT INTO store_pages (id, tenant_id, slug, title, updated_at) VALUES ($1 || '_page', $1, 'about', 'About', now())`,
  `INSERT INTO store_setup (tenant_id, completed_steps, updated_at) VALUES ($1, ARRAY['identity'], now())`,
  `INSERT INTO payment_settings (tenant_id, stripe_publishable_key, stripe_secret_key_enc, stripe_secret_last4, updated_at)
     VALUES ($1, 'pk_test_x', 'v1.k.a.b.c', '1234', now())`,
  `INSERT INTO shipping_rates (id, tenant_id, kind, name, price_amount, currency) VALUES ($1 || '_rate', $1, 'PICKUP', 'Pickup', 0, 'BRL')`,
  `INSERT INTO tenant_module_overrides (tenant_id, module_code, enabled, reason, updated_at) VALUES ($1, 'coupons', false, 'Test', now())`,
  `INSERT INTO member_module_overrides (tenant_id, user_id, module_code) SELECT $1, user_id, 'support' FROM memberships WHERE tenant_id = $1`,
  // Support: a ticket, its message and its row in the index staff read.
  `INSERT INTO support_tickets (id, tenant_id, number, subject, created_by_user_id, updated_at) VALUES ($1 || '_st', $1, 1, 'Help', 'mu', now())`,
  `INSERT INTO support_messages (id, tenant_id, ticket_id, author_user_id, author_kind, body) VALUES ($1 || '_sm', $1, $1 || '_st', 'mu', 'TENANT', 'Hi')`,
  `INSERT INTO support_ticket_index (ticket_id, tenant_id, number, subject, status, priority, last_author_kind, last_message_at, created_at)
     VALUES ($1 || '_st', $1, 1, 'Help', 'OPEN', 'NORMAL', 'TENANT', now(), now())`,
  // Commerce: a cart, a coupon, a tax rule, a paid order with its item, event, refund and coupon use; a buyer.
  `INSERT INTO carts (id, tenant_id, session_hash, currency, updated_at) VALUES ($1 || '_cart', $1, 'h', 'BRL', now())`,
  `INSERT INTO cart_items (id, tenant_id, cart_id, variant_id, quantity) VALUES ($1 || '_ci', $1, $1 || '_cart', $1 || '_v1', 1)`,
  `INSERT INTO coupons (id, tenant_id, code, kind, value, updated_at) VALUES ($1 || '_cp', $1, 'WELCOME', 'PERCENT', 1000, now())`,
  `INSERT INTO tax_rules (id, tenant_id, name, country, rate_basis_points, updated_at) VALUES ($1 || '_tr', $1, 'VAT', 'BR', 1000, now())`,
  `INSERT INTO orders (id, tenant_id, number, status, buyer_email, buyer_name, shipping_address, shipping_method, shipping_method_name,
       shipping_amount, subtotal_amount, discount_amount, tax_amount, total_amount, refunded_amount, currency, locale, tracking_token, paid_at, updated_at)
     VALUES ($1 || '_o', $1, 1001, 'PAID', 'b@example.com', 'B', '{"city": "X"}', 'pickup', 'Pickup', 0, 1990, 199, 179, 1970, 100, 'BRL', 'pt-BR', $1 || '_o', now(), now())`,
  `INSERT INTO order_items (id, tenant_id, order_id, variant_id, title, sku, unit_price_amount, quantity, line_total_amount)
     VALUES ($1 || '_oi', $1, $1 || '_o', $1 || '_v1', 'One', 'SKU-1', 1990, 1, 1990)`,
  `INSERT INTO order_events (id, tenant_id, order_id, type, to_status) VALUES ($1 || '_oe', $1, $1 || '_o', 'created', 'CREATED')`,
  `INSERT INTO order_refunds (id, tenant_id, order_id, provider_refund_id, amount) VALUES ($1 || '_or', $1, $1 || '_o', 're_1', 100)`,
  `INSERT INTO coupon_redemptions (id, tenant_id, coupon_id, order_id, buyer_email) VALUES ($1 || '_cr', $1, $1 || '_cp', $1 || '_o', 'b@example.com')`,
  `INSERT INTO buyer_accounts (id, tenant_id, email, password_hash, name, updated_at) VALUES ($1 || '_ba', $1, 'b@example.com', 'x', 'B', now())`,
  `INSERT INTO buyer_sessions (id, tenant_id, account_id, token_hash, expires_at) VALUES ($1 || '_bs', $1, $1 || '_ba', $1 || '_bs', now())`,
  `INSERT INTO buyer_addresses (id, tenant_id, account_id, name, line1, city, postal_code, country, updated_at)
     VALUES ($1 || '_bad', $1, $1 || '_ba', 'B', 'St 1', 'City', '0', 'BR', now())`,
  `INSERT INTO buyer_tokens (id, tenant_id, account_id, kind, token_hash, expires_at) VALUES ($1 || '_bt', $1, $1 || '_ba', 'VERIFY_EMAIL', $1 || '_bt', now())`,
  // Mercado Livre: an account and a row in each of its tables (a bigint beyond doubles in ml_items).
  `INSERT INTO ml_accounts (id, tenant_id, ml_user_id, nickname, site_id, updated_at) VALUES ($1 || '_mla', $1, 1001, 'SELLER', 'MLB', now())`,
  `INSERT INTO ml_tokens (account_id, tenant_id, access_token_enc, refresh_token_enc, key_id, expires_at) VALUES ($1 || '_mla', $1, 'a', 'r', 'k1', now())`,
  `INSERT INTO ml_items (id, tenant_id, account_id, ml_item_id, title, price_minor, currency, available_quantity, status)
     VALUES ($1 || '_mli', $1, $1 || '_mla', 'MLB1', 'Item', 9007199254740993, 'BRL', 1, 'active')`,
  `INSERT INTO ml_orders (id, tenant_id, account_id, ml_order_id, status, buyer_id, total_minor, currency, date_created)
     VALUES ($1 || '_mlo', $1, $1 || '_mla', 2001, 'paid', 3001, 100, 'BRL', now())`,
  `INSERT INTO ml_order_items (id, tenant_id, order_id, ml_item_id, title, quantity, unit_price_minor, currency)
     VALUES ($1 || '_mloi', $1, $1 || '_mlo', 'MLB1', 'Item', 1, 100, 'BRL')`,
  `INSERT INTO ml_shipments (id, tenant_id, account_id, ml_shipment_id, status) VALUES ($1 || '_mls', $1, $1 || '_mla', 4001, 'shipped')`,
  `INSERT INTO ml_questions (id, tenant_id, account_id, ml_question_id, ml_item_id, buyer_id, text, status, date_created)
     VALUES ($1 || '_mlq', $1, $1 || '_mla', 5001, 'MLB1', 3001, 'Tem azul?', 'UNANSWERED', now())`,
  `INSERT INTO ml_answers (id, tenant_id, account_id, ml_question_id, text, idempotency_key) VALUES ($1 || '_mlan', $1, $1 || '_mla', 5001, 'Tem sim', 'k')`,
  `INSERT INTO ml_messages (id, tenant_id, account_id, ml_message_id, pack_id, from_user_id, to_user_id, text, status, sent_at)
     VALUES ($1 || '_mlm', $1, $1 || '_mla', 'msg1', 2001, 3001, 1001, 'Oi', 'available', now())`,
  `INSERT INTO ml_sync_runs (id, tenant_id, account_id, resource, kind) VALUES ($1 || '_mlr', $1, $1 || '_mla', 'ORDERS', 'BACKFILL')`,
  `INSERT INTO ml_notifications (id, tenant_id, account_id, notification_key, topic, resource, ml_user_id)
     VALUES ($1 || '_mln', $1, $1 || '_mla', 'n1', 'orders_v2', '/orders/2001', 1001)`,
];

/** Per tenant table (from the catalog, so a new table is covered): how many rows of the tenant, and their content. */
async function tenantRows(url: string, tenantId: string): Promise<Record<string, { n: number; rows: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, { n: number; rows: string }> = {};
    for (const table of await tenantTables(client)) {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      // Row content without updated_at, which the ml_accounts and ml_answers triggers set to the time of the move.
      const { rows } = await client.query<{ n: number; rows: string }>(
        `SELECT count(*)::int AS n, coalesce(string_agg(j::text, E'\n' ORDER BY j::text), '') AS rows
           FROM (SELECT to_jsonb(t) - 'updated_at' AS j FROM "${table.name}" t WHERE tenant_id = $1) r`,
        [tenantId],
      );
      await client.query('COMMIT');
      out[table.name] = rows[0]!;
    }
    return out;
  } finally {
    await client.end();
  }
}

const counts = (rows: Record<string, { n: number }>) => Object.fromEntries(Object.entries(rows).map(([t, r]) => [t, r.n]));

/** The order figures of tenant_daily_stats (currency XXX holds new_products). */
const orderStats = (url: string, tenantId: string) =>
  query(
    url,
    `SELECT day::text, currency, orders_placed, paid_orders, paid_total_minor::text, refunded_minor::text, cancelled_orders
       FROM tenant_daily_stats WHERE tenant_id = $1 AND currency <> 'XXX' ORDER BY day, currency`,
    [tenantId],
  );

const slugsOf = async (url: string, tenantId: string) =>
  (await query<{ slug: string }>(url, 'SELECT slug FROM products WHERE tenant_id = $1 ORDER BY slug', [tenantId])).map((r) => r.slug);

describe('moving a tenant between the pooled and a dedicated database', () => {
  let platform: TestDatabase;
  /** Created bare: the move must migrate it. */
  let dedicatedName: string;
  let dedicated: { app: string; owner: string };
  let db: Database;

  beforeAll(async () => {
    platform = await createTestDatabase('move_platform');
    dedicatedName = `vitrine_test_move_dedicated_${randomBytes(4).toString('hex')}`;
    await query(serverUrl(), `CREATE DATABASE "${dedicatedName}"`);
    dedicated = {
      owner: databaseUrl(serverUrl(), dedicatedName),
      app: databaseUrl(serverUrl(), dedicatedName, 'vitrine_app'),
    };

    const owner = new pg.Client({ connectionString: platform.ownerUrl });
    await owner.connect();
    await owner.query(
      `INSERT INTO plans (code, name) VALUES ('custom-a', 'Custom A');
       INSERT INTO tenants (id, slug, name, plan_code, updated_at) VALUES
         ('${A}', 'move-a', 'A', 'custom-a', now()), ('${B}', 'move-b', 'B', 'free', now());
       INSERT INTO users (id, email, updated_at) VALUES ('mu_a', 'owner-a@example.com', now()), ('mu_b', 'owner-b@example.com', now());`,
    );
    for (const [tenantId, user] of [
      [A, 'mu_a'],
      [B, 'mu_b'],
    ] as const) {
      await owner.query('BEGIN');
      await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      await owner.query(`INSERT INTO memberships (id, tenant_id, user_id, role) VALUES ($1, $2, $3, 'OWNER')`, [`m_${tenantId}`, tenantId, user]);
      await owner.query(`INSERT INTO storefront_configs (tenant_id, theme, updated_at) VALUES ($1, 'bold', now())`, [tenantId]);
      await owner.query(
        `INSERT INTO categories (id, tenant_id, parent_id, name, slug, updated_at) VALUES
           ($1 || '_root', $1, NULL, 'Clothes', 'clothes', now()), ($1 || '_child', $1, $1 || '_root', 'Shirts', 'shirts', now())`,
        [tenantId],
      );
      await owner.query(
        `INSERT INTO products (id, tenant_id, category_id, title, slug, status, updated_at) VALUES
           ($1 || '_p1', $1, $1 || '_child', 'One', $2 || '-one', 'ACTIVE', now()),
           ($1 || '_p2', $1, NULL, 'Two', $2 || '-two', 'DRAFT', now())`,
        [tenantId, tenantId === A ? 'a' : 'b'],
      );
      await owner.query(
        `INSERT INTO product_variants (id, tenant_id, product_id, sku, attributes, price_amount, currency, updated_at)
         VALUES ($1 || '_v1', $1, $1 || '_p1', 'SKU-1', '{"size": "M", "tags": ["a", "b"]}', 1990, 'BRL', now())`,
        [tenantId],
      );
      await owner.query(`INSERT INTO product_images (id, tenant_id, product_id, storage_key) VALUES ($1 || '_i1', $1, $1 || '_p1', 'k/1')`, [tenantId]);
      await owner.query(`INSERT INTO audit_logs (id, tenant_id, action) VALUES ($1 || '_log1', $1, 'tenant.created')`, [tenantId]);
      for (const sql of MORE_ROWS) await owner.query(sql, [tenantId]);
      await owner.query('COMMIT');
    }
    await owner.end();
    db = createDatabase({ appDatabaseUrl: platform.appUrl, keyRing });
  });

  afterAll(async () => {
    await db?.disconnect();
    await platform?.drop();
    if (dedicatedName) await dropDatabase(dedicatedName);
  });

  it('moves tenant A to its dedicated database; B stays pooled', async () => {
    expect((await (await db.forTenant(A)).product.findMany()).map((p) => p.slug).sort()).toEqual(['a-one', 'a-two']);

    const result = await moveTenantToDedicated({ platformOwnerUrl: platform.ownerUrl, tenantId: A, dedicated, keyRing });
    expect(result.copied).toMatchObject({
      plans: 1,
      tenants: 1,
      users: 1,
      memberships: 1,
      storefront_configs: 1,
      categories: 2,
      products: 2,
      product_variants: 1,
      product_images: 1,
      audit_logs: 1,
    });

    // The platform now routes A to the dedicated database, with its URLs sealed for A.
    const [tenant] = await query<{ database_url_enc: string }>(platform.ownerUrl, 'SELECT database_url_enc FROM tenants WHERE id = $1', [A]);
    expect(openDedicatedUrls(A, tenant!.database_url_enc, keyRing)).toEqual(dedicated);

    db.invalidateRouting(A);
    const a = await db.forTenant(A);
    expect((await a.product.findMany()).map((p) => p.slug).sort()).toEqual(['a-one', 'a-two']);
    const variant = await a.productVariant.findFirst({ where: { sku: 'SKU-1' } });
    expect(variant).toMatchObject({ tenantId: A, priceAmount: 1990, attributes: { size: 'M', tags: ['a', 'b'] } });
    expect((await a.category.findFirst({ where: { slug: 'shirts' } }))?.parentId).toBe(`${A}_root`);

    // Gone from the pooled database (audit history excepted), present in the dedicated one.
    expect(await slugsOf(platform.ownerUrl, A)).toEqual([]);
    expect(await slugsOf(dedicated.owner, A)).toEqual(['a-one', 'a-two']);
    for (const table of ['memberships', 'storefront_configs', 'categories', 'product_variants', 'product_images']) {
      const rows = await query(platform.ownerUrl, `SELECT 1 FROM "${table}" WHERE tenant_id = $1`, [A]);
      expect(rows, table).toHaveLength(0);
    }
    expect(await query(platform.ownerUrl, 'SELECT id FROM audit_logs WHERE tenant_id = $1', [A])).toEqual([{ id: `${A}_log1` }]);
    expect(await query(dedicated.owner, 'SELECT plan_code FROM tenants')).toEqual([{ plan_code: 'custom-a' }]);
    expect(await query(dedicated.owner, 'SELECT id FROM users')).toEqual([{ id: 'mu_a' }]);

    // B is untouched and still pooled; the dedicated database holds nothing of B.
    expect((await (await db.forTenant(B)).product.findMany()).map((p) => p.slug).sort()).toEqual(['b-one', 'b-two']);
    expect(await slugsOf(platform.ownerUrl, B)).toEqual(['b-one', 'b-two']);
    expect(await query(dedicated.owner, 'SELECT 1 FROM products WHERE tenant_id = $1', [B])).toHaveLength(0);

    // Writes through forTenant(A) now land in the dedicated database.
    await a.$scoped(async (tx) => {
      await tx.product.create({ data: { tenantId: A, title: 'Three', slug: 'a-three' } });
      await tx.auditLog.create({ data: { tenantId: A, id: `${A}_log2`, action: 'product.create' } });
    });
    expect(await slugsOf(dedicated.owner, A)).toEqual(['a-one', 'a-three', 'a-two']);
    expect(await slugsOf(platform.ownerUrl, A)).toEqual([]);
  });

  it('refuses to move a tenant that is already dedicated', async () => {
    await expect(
      moveTenantToDedicated({ platformOwnerUrl: platform.ownerUrl, tenantId: A, dedicated, keyRing }),
    ).rejects.toThrow(TenantMoveError);
  });

  it('moves A back to the pooled database; routing follows after invalidateRouting', async () => {
    const result = await moveTenantToPooled({ platformOwnerUrl: platform.ownerUrl, tenantId: A, keyRing });
    expect(result.copied).toMatchObject({ products: 3, audit_logs: 1 });
    expect(await query(platform.ownerUrl, 'SELECT database_url_enc FROM tenants WHERE id = $1', [A])).toEqual([{ database_url_enc: null }]);

    // Until its routing is invalidated, this process still reads A from the dedicated database — now empty.
    expect(await (await db.forTenant(A)).product.findMany()).toEqual([]);
    db.invalidateRouting(A);
    const a = await db.forTenant(A);
    expect((await a.product.findMany()).map((p) => p.slug).sort()).toEqual(['a-one', 'a-three', 'a-two']);

    expect(await slugsOf(dedicated.owner, A)).toEqual([]);
    // The pooled audit history is merged with what was written while dedicated.
    const logs = await query<{ id: string }>(platform.ownerUrl, 'SELECT id FROM audit_logs WHERE tenant_id = $1 ORDER BY id', [A]);
    expect(logs.map((l) => l.id)).toEqual([`${A}_log1`, `${A}_log2`]);
    expect(await slugsOf(platform.ownerUrl, B)).toEqual(['b-one', 'b-two']);
  });

  it('can move A out again onto the database it left, replacing the stale copy', async () => {
    await moveTenantToDedicated({ platformOwnerUrl: platform.ownerUrl, tenantId: A, dedicated, keyRing });
    db.invalidateRouting(A);
    expect((await (await db.forTenant(A)).product.findMany()).map((p) => p.slug).sort()).toEqual(['a-one', 'a-three', 'a-two']);
    await moveTenantToPooled({ platformOwnerUrl: platform.ownerUrl, tenantId: A, keyRing });
    db.invalidateRouting(A);
    expect((await (await db.forTenant(A)).product.findMany()).length).toBe(3);
  });

  it('refuses a dedicated app connection that bypasses RLS or reaches another database', async () => {
    await expect(
      moveTenantToDedicated({
        platformOwnerUrl: platform.ownerUrl,
        tenantId: B,
        dedicated: { app: dedicated.owner, owner: dedicated.owner },
        keyRing,
      }),
    ).rejects.toThrow(/bypasses row-level security/);
    await expect(
      moveTenantToDedicated({ platformOwnerUrl: platform.ownerUrl, tenantId: B, dedicated: { app: platform.appUrl, owner: dedicated.owner }, keyRing }),
    ).rejects.toThrow(/different databases/);
    expect(await query(platform.ownerUrl, 'SELECT database_url_enc FROM tenants WHERE id = $1', [B])).toEqual([{ database_url_enc: null }]);
    expect(await slugsOf(platform.ownerUrl, B)).toEqual(['b-one', 'b-two']);
  });

  it('refuses a dedicated database whose tenant tables differ from the source (another schema version)', async () => {
    const other = await createTestDatabase('move_other');
    try {
      await query(
        other.ownerUrl,
        `CREATE TABLE extra (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL);
         ALTER TABLE extra ENABLE ROW LEVEL SECURITY; ALTER TABLE extra FORCE ROW LEVEL SECURITY;`,
      );
      await expect(
        moveTenantToDedicated({ platformOwnerUrl: platform.ownerUrl, tenantId: B, dedicated: { owner: other.ownerUrl, app: other.appUrl }, keyRing }),
      ).rejects.toThrow(/different tenant tables \(extra\); migrate both/);
      expect(await query(platform.ownerUrl, 'SELECT database_url_enc FROM tenants WHERE id = $1', [B])).toEqual([{ database_url_enc: null }]);
      expect(await slugsOf(platform.ownerUrl, B)).toEqual(['b-one', 'b-two']);
      expect(await query(other.ownerUrl, 'SELECT id FROM tenants')).toEqual([]);
    } finally {
      await other.drop();
    }
  });

  it('refuses to move a pooled tenant to the pooled database, or an unknown tenant', async () => {
    await expect(moveTenantToPooled({ platformOwnerUrl: platform.ownerUrl, tenantId: B, keyRing })).rejects.toThrow(
      /already in the pooled database/,
    );
    await expect(
      moveTenantToDedicated({ platformOwnerUrl: platform.ownerUrl, tenantId: 'nope', dedicated, keyRing }),
    ).rejects.toThrow(/does not exist/);
  });
  it('moves every tenant table out and back: each holds the same rows of A, and B is untouched', async () => {
    const before = { a: await tenantRows(platform.ownerUrl, A), b: await tenantRows(platform.ownerUrl, B) };
    const stats = await orderStats(platform.ownerUrl, A);
    // The fixture reaches every tenant table, so the comparisons below prove something for each of them.
    expect(Object.entries(before.a).filter(([, r]) => r.n === 0).map(([t]) => t)).toEqual([]);
    expect(stats).not.toEqual([]);

    await moveTenantToDedicated({ platformOwnerUrl: platform.ownerUrl, tenantId: A, dedicated, keyRing });
    const out = await tenantRows(dedicated.owner, A);
    expect(out).toEqual(before.a);
    // Only the append-only audit history stays behind in the pooled database.
    const leftInPool = counts(await tenantRows(platform.ownerUrl, A));
    expect(leftInPool).toEqual({ ...Object.fromEntries(Object.keys(before.a).map((t) => [t, 0])), audit_logs: before.a.audit_logs!.n });
    expect(await tenantRows(platform.ownerUrl, B)).toEqual(before.b);
    expect(counts(await tenantRows(dedicated.owner, B))).toEqual(Object.fromEntries(Object.keys(before.b).map((t) => [t, 0])));
    // The order figures of the platform stats follow the orders (tenant_daily_stats is read where the store lives).
    expect(await orderStats(dedicated.owner, A)).toEqual(stats);

    await moveTenantToPooled({ platformOwnerUrl: platform.ownerUrl, tenantId: A, keyRing });
    expect(await tenantRows(platform.ownerUrl, A)).toEqual(before.a);
    expect(await tenantRows(platform.ownerUrl, B)).toEqual(before.b);
    expect(counts(await tenantRows(dedicated.owner, A))).toEqual({
      ...Object.fromEntries(Object.keys(before.a).map((t) => [t, 0])),
      audit_logs: before.a.audit_logs!.n,
    });
    expect(await orderStats(platform.ownerUrl, A)).toEqual(stats);
    db.invalidateRouting(A);
    expect(await (await db.forTenant(A)).order.count()).toBe(1);
  });
});
