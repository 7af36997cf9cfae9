import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './database.ts';
import { openDedicatedUrls } from './dedicated.ts';
import { moveTenantToDedicated, moveTenantToPooled, TenantMoveError } from './provision.ts';
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

  it('refuses to move a pooled tenant to the pooled database, or an unknown tenant', async () => {
    await expect(moveTenantToPooled({ platformOwnerUrl: platform.ownerUrl, tenantId: B, keyRing })).rejects.toThrow(
      /already in the pooled database/,
    );
    await expect(
      moveTenantToDedicated({ platformOwnerUrl: platform.ownerUrl, tenantId: 'nope', dedicated, keyRing }),
    ).rejects.toThrow(/does not exist/);
  });
});
