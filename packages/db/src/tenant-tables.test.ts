import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from './client.ts';
import { parentsFirst, quoteIdent, tenantTables, type TenantTable } from './tenant-tables.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

/** The catalog of tenant tables; data-export.test.ts (api) checks the same list against TENANT_MODELS. */
describe('tenantTables', () => {
  let t: TestDatabase;
  let owner: pg.Client;
  let prisma: PrismaClient;

  beforeAll(async () => {
    t = await createTestDatabase('tenant_tables');
    owner = new pg.Client({ connectionString: t.ownerUrl });
    await owner.connect();
    prisma = createPrismaClient(t.ownerUrl, { maxConnections: 1 });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await owner?.end();
    await t?.drop();
  });

  it('lists the tables with a tenant_id and forced row-level security, read alike through pg and Prisma', async () => {
    const tables = await tenantTables(owner);
    const names = tables.map((table) => table.name);
    expect(names).toEqual(expect.arrayContaining(['products', 'orders', 'order_items', 'coupons', 'ml_accounts', 'support_tickets', 'audit_logs']));
    // Platform tables that carry a tenant_id without forced RLS stay out, and so do tables without a tenant_id.
    for (const platform of ['domains', 'tenant_daily_stats', 'ml_account_routes', 'tenants', 'users']) expect(names).not.toContain(platform);
    for (const table of tables) {
      expect(table.columns.map((c) => c.name), table.name).toContain('tenant_id');
      expect(table.key.length, table.name).toBeGreaterThan(0);
    }
    expect(await tenantTables((query) => prisma.$queryRaw(query))).toEqual(tables);

    const variants = tables.find((table) => table.name === 'product_variants')!;
    expect(variants.key).toEqual(['id']);
    expect(variants.foreignKeys).toContainEqual({ columns: ['tenant_id', 'product_id'], table: 'products', references: ['tenant_id', 'id'] });
    expect(variants.columns.find((c) => c.name === 'price_amount')).toEqual({ name: 'price_amount', type: 'integer', notNull: true, generated: false });
  });

  it('orders every table after the tenant tables it refers to', async () => {
    const ordered = parentsFirst(await tenantTables(owner));
    const position = new Map(ordered.map((table, i) => [table.name, i]));
    for (const table of ordered) {
      for (const fk of table.foreignKeys) {
        if (fk.table !== table.name && position.has(fk.table)) expect(position.get(fk.table)!, `${table.name} -> ${fk.table}`).toBeLessThan(position.get(table.name)!);
      }
    }
  });

  it('follows the schema: a table added later is listed, with its generated columns marked', async () => {
    await owner.query(`
      CREATE TABLE "product notes" (
        id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, product_id TEXT NOT NULL, body TEXT NOT NULL,
        body_length INTEGER GENERATED ALWAYS AS (length(body)) STORED,
        FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id));
      ALTER TABLE "product notes" ENABLE ROW LEVEL SECURITY;
      ALTER TABLE "product notes" FORCE ROW LEVEL SECURITY;`);
    try {
      const tables = await tenantTables(owner);
      const notes = tables.find((table) => table.name === 'product notes');
      expect(notes?.columns.filter((c) => c.generated).map((c) => c.name)).toEqual(['body_length']);
      const ordered = parentsFirst(tables).map((table) => table.name);
      expect(ordered.indexOf('product notes')).toBeGreaterThan(ordered.indexOf('products'));
    } finally {
      await owner.query(`DROP TABLE ${quoteIdent('product notes')}`);
    }
  });

  it('refuses tables that refer to each other in a cycle', () => {
    const table = (name: string, parent: string): TenantTable => ({
      name, key: ['id'], columns: [], foreignKeys: [{ columns: ['parent_id'], table: parent, references: ['id'] }],
    });
    expect(() => parentsFirst([table('a', 'b'), table('b', 'a')])).toThrow(/cycle/);
    // A table referring to itself is not a cycle.
    expect(parentsFirst([table('a', 'a')]).map((x) => x.name)).toEqual(['a']);
  });
});
