import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from './testing.ts';

/**
 * The admin's product list must stay an index scan under row-level security, whatever the catalogue
 * size (see migration 20261122190000_leakproof_enum_eq).
 */
describe('query plans under RLS', () => {
  let t: TestDatabase;
  let owner: pg.Client;
  let app: pg.Client;

  beforeAll(async () => {
    t = await createTestDatabase('plans');
    owner = new pg.Client({ connectionString: t.ownerUrl });
    app = new pg.Client({ connectionString: t.appUrl });
    await Promise.all([owner.connect(), app.connect()]);
    await owner.query(`INSERT INTO tenants (id, slug, name, updated_at) VALUES ('ta', 'plan-a', 'A', now()), ('tb', 'plan-b', 'B', now())`);
    await owner.query(`
      INSERT INTO products (id, tenant_id, title, slug, status, created_at, updated_at)
      SELECT 'p' || g, CASE WHEN g % 2 = 0 THEN 'ta' ELSE 'tb' END, 'Product ' || g, 'product-' || g,
             (ARRAY['DRAFT','ACTIVE','ARCHIVED'])[1 + g % 3]::"ProductStatus", now() - g * interval '1 minute', now()
      FROM generate_series(1, 20000) g`);
    await owner.query('ANALYZE products');
  });

  afterAll(async () => {
    await Promise.all([owner?.end(), app?.end()]);
    await t?.drop();
  });

  it('marks enum equality LEAKPROOF', async () => {
    const { rows } = await owner.query(`SELECT proleakproof FROM pg_proc WHERE proname = 'enum_eq'`);
    expect(rows[0].proleakproof).toBe(true);
  });

  it('pages ACTIVE products of one tenant through the (tenant_id, status, created_at, id) index', async () => {
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', 'ta', true)`);
    const { rows } = await app.query(`EXPLAIN (FORMAT JSON)
      SELECT id FROM products WHERE tenant_id = 'ta' AND status = 'ACTIVE'
      ORDER BY created_at DESC, id DESC LIMIT 21`);
    await app.query('COMMIT');
    const plan = JSON.stringify(rows[0]['QUERY PLAN']);
    expect(plan).toContain('products_tenant_id_status_created_at_id_idx');
    expect(plan).not.toContain('"Node Type":"Sort"');
  });
});
