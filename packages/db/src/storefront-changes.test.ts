import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenStorefrontChanges, type StorefrontChangeListener } from './storefront-changes.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

/** Committed changes to what a store shows are announced by store id; nothing else is. */
describe('storefront change notifications', () => {
  let t: TestDatabase;
  let owner: pg.Client;
  let listener: StorefrontChangeListener;
  const heard: string[] = [];
  let resets = 0;
  let losses = 0;

  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  };

  beforeAll(async () => {
    t = await createTestDatabase('storefront_changes');
    owner = new pg.Client({ connectionString: t.ownerUrl });
    await owner.connect();
    await owner.query(`INSERT INTO tenants (id, slug, name, updated_at) VALUES ('ta', 'ta', 'A', now()), ('tb', 'tb', 'B', now())`);
    listener = listenStorefrontChanges(t.appUrl, { changed: (id) => heard.push(id), reset: () => resets++, lost: () => losses++ });
    await listener.ready;
  });

  afterAll(async () => {
    await listener?.close();
    await owner?.end();
    await t?.drop();
  });

  it('announces a store once per committed transaction, however many rows changed', async () => {
    heard.length = 0;
    await owner.query('BEGIN');
    await owner.query(`INSERT INTO products (id, tenant_id, title, slug, updated_at) SELECT 'p' || g, 'ta', 'P' || g, 'p-' || g, now() FROM generate_series(1, 50) g`);
    await owner.query(`UPDATE products SET title = title || '!' WHERE tenant_id = 'ta'`);
    await owner.query('COMMIT');
    await until(() => heard.length > 0);
    await settle();
    expect(heard).toEqual(['ta']);
  });

  it('says nothing for a rolled-back transaction, and names each store a statement touched', async () => {
    heard.length = 0;
    await owner.query('BEGIN');
    await owner.query(`DELETE FROM products WHERE tenant_id = 'ta'`);
    await owner.query('ROLLBACK');
    await owner.query(`UPDATE tenants SET name = name || '.'`);
    await until(() => heard.length >= 2);
    await settle();
    expect(heard.sort()).toEqual(['ta', 'tb']);
  });

  it("announces a store when its collections, their products or its payment settings change", async () => {
    heard.length = 0;
    await owner.query(`INSERT INTO collections (id, tenant_id, title, slug, updated_at) VALUES ('ca', 'tb', 'Summer', 'summer', now())`);
    await until(() => heard.length >= 1);
    await owner.query(`INSERT INTO products (id, tenant_id, title, slug, updated_at) VALUES ('pb', 'tb', 'Hat', 'hat', now())`);
    await until(() => heard.length >= 2);
    await owner.query(`INSERT INTO collection_products (tenant_id, collection_id, product_id) VALUES ('tb', 'ca', 'pb')`);
    await until(() => heard.length >= 3);
    await owner.query(
      `INSERT INTO payment_settings (tenant_id, stripe_publishable_key, stripe_secret_key_enc, stripe_secret_last4, updated_at) VALUES ('ta', 'pk_test_x', 'enc', '1234', now())`,
    );
    await until(() => heard.length >= 4);
    await settle();
    expect(heard).toEqual(['tb', 'tb', 'tb', 'ta']);
  });

  it('reconnects after the connection is cut, and asks for a reset (changes meanwhile were not heard)', async () => {
    const before = resets;
    await owner.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'vitrine-storefront-changes' AND datname = current_database()`);
    await until(() => resets > before);
    expect(resets).toBe(before + 1);
    expect(losses).toBe(1);
    heard.length = 0;
    await owner.query(`DELETE FROM products WHERE tenant_id = 'ta'`);
    await until(() => heard.length > 0);
    expect(heard).toEqual(['ta']);
  });
});
