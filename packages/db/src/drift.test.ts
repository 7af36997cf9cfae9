import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDrift, compareSchema, loadSchema, readDatabase, SCHEMA_PATH } from './drift.ts';
import * as enums from './generated/prisma/enums.ts';
import { Prisma } from './generated/prisma/client.ts';
import { TENANT_MODELS } from './tenant-scope.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

describe('loadSchema (Prisma\'s own parser)', async () => {
  const parsed = await loadSchema(`
    datasource db {
      provider = "postgresql"
    }
    enum Colour {
      RED
      GREEN @map("green")
      @@map("colour_kind")
    }
    /// documented model
    model Item {
      id        String   @id @default(cuid())
      label     String?  @map("item_label") @db.VarChar(40)
      code      String   @db.Char(3)
      tags      String[] @default([])
      colour    Colour   @default(RED)
      owner     Owner    @relation(fields: [ownerId], references: [id])
      ownerId   String   @map("owner_id")
      at        DateTime @default(now()) @db.Timestamptz(3)

      @@unique([ownerId, code])
      @@index([ownerId, at(sort: Desc)])
      @@map("items")
    }
    model Owner {
      id    String @id
      items Item[]
    }
  `);
  const item = parsed.models.find((m) => m.name === 'Item')!;
  const field = (name: string) => item.fields.find((f) => f.name === name)!;

  it('reads models with their table and column names and the field modifiers', () => {
    expect(item.table).toBe('items');
    expect(item.fields.map((f) => f.name)).toEqual(['id', 'label', 'code', 'tags', 'colour', 'owner', 'ownerId', 'at']);
    expect(field('label')).toEqual({
      name: 'label', kind: 'scalar', type: 'String', optional: true, list: false, column: 'item_label',
      native: { name: 'VarChar', args: ['40'] }, databaseDefault: false,
    });
    expect(field('tags')).toMatchObject({ type: 'String', list: true, optional: false, column: 'tags' });
    expect(field('owner').kind).toBe('object');
    expect(field('ownerId').column).toBe('owner_id');
    expect(parsed.models.find((m) => m.name === 'Owner')!.table).toBe('Owner');
  });

  it('tells database defaults (now(), literals) from client-generated ones (cuid())', () => {
    expect([field('id'), field('colour'), field('at'), field('code')].map((f) => f.databaseDefault)).toEqual([false, true, true, false]);
  });

  it('reads primary keys, unique and plain indexes by column, with sort direction', () => {
    expect(item.indexes).toEqual(
      expect.arrayContaining([
        { kind: 'id', columns: [{ name: 'id', descending: false }] },
        { kind: 'unique', columns: [{ name: 'owner_id', descending: false }, { name: 'code', descending: false }] },
        { kind: 'normal', columns: [{ name: 'owner_id', descending: false }, { name: 'at', descending: true }] },
      ]),
    );
  });

  it('reads enums with their database names and stored values', () => {
    expect(parsed.enums).toEqual([{ name: 'Colour', dbName: 'colour_kind', values: ['RED', 'green'] }]);
  });

  it('refuses a schema Prisma itself refuses', async () => {
    await expect(loadSchema('model A {\n id String @id\n')).rejects.toThrow();
  });
});

describe('schema.prisma and the generated client agree (run `pnpm --filter @vitrine/db generate` if not)', async () => {
  const schema = await loadSchema(await readFile(SCHEMA_PATH, 'utf8'));

  it('has the same models', () => {
    expect(schema.models.map((m) => m.name).sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it('has the same scalar fields in every model', () => {
    const namespace = Prisma as unknown as Record<string, Record<string, string>>;
    for (const model of schema.models) {
      const scalars = model.fields.filter((f) => f.kind !== 'object').map((f) => f.name);
      expect(scalars, model.name).toEqual(Object.values(namespace[`${model.name}ScalarFieldEnum`]!));
    }
  });

  it('has the same enums and values', () => {
    const generated = Object.fromEntries(
      Object.entries(enums).map(([name, values]) => [name, Object.values(values as Record<string, string>)]),
    );
    expect(Object.fromEntries(schema.enums.map((e) => [e.name, e.values]))).toEqual(generated);
  });

  it('gives every model the tenant extension scopes a required tenantId column, and no other model one but the platform ones', () => {
    const platformModelsWithTenantId = new Set(['Domain', 'OutboxJob', 'MlAccountRoute', 'WebhookEvent', 'SupportTicketIndex', 'TenantSubscription', 'ImpersonationGrant', 'TenantDailyStat']);
    for (const model of schema.models) {
      const tenantId = model.fields.find((f) => f.name === 'tenantId');
      if (TENANT_MODELS.has(model.name)) {
        expect(tenantId, model.name).toMatchObject({ column: 'tenant_id', optional: false, list: false });
      } else if (tenantId) {
        expect(platformModelsWithTenantId.has(model.name), `${model.name} has tenantId but is not in TENANT_MODELS`).toBe(true);
      }
    }
    expect([...TENANT_MODELS].filter((name) => !schema.models.some((m) => m.name === name))).toEqual([]);
  });
});

describe('drift between schema.prisma and the migrated database', () => {
  let fresh: TestDatabase;
  let drifted: TestDatabase;

  beforeAll(async () => {
    [fresh, drifted] = await Promise.all([createTestDatabase('drift'), createTestDatabase('drift_broken')]);
    const client = new pg.Client({ connectionString: drifted.ownerUrl });
    await client.connect();
    try {
      await client.query('ALTER TABLE products DROP COLUMN seo_title');
      await client.query('ALTER TABLE product_variants ALTER COLUMN stock TYPE bigint');
      await client.query('ALTER TABLE categories ALTER COLUMN slug DROP NOT NULL');
      await client.query(`ALTER TYPE "ProductStatus" ADD VALUE 'HIDDEN'`);
      await client.query('ALTER TABLE tenants ALTER COLUMN currency TYPE char(4)');
      await client.query('DROP INDEX product_variants_tenant_id_sku_key');
      await client.query('ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_key');
      await client.query('DROP INDEX IF EXISTS users_email_key');
      await client.query('DROP INDEX products_tenant_id_status_created_at_id_idx');
      await client.query('CREATE INDEX products_status_asc ON products (tenant_id, status, created_at, id)');
      await client.query('ALTER TABLE domains ALTER COLUMN is_primary DROP DEFAULT');
      await client.query('ALTER TABLE categories ADD COLUMN legacy_code text');
      await client.query('CREATE TABLE wishlists (id text PRIMARY KEY)');
    } finally {
      await client.end();
    }
  });

  afterAll(async () => {
    await Promise.all([fresh?.drop(), drifted?.drop()]);
  });

  it('finds nothing on a freshly migrated database', async () => {
    expect(await checkDrift({ databaseUrl: fresh.ownerUrl })).toEqual([]);
  });

  it('names every difference: columns, types, nullability, lengths, enum values, indexes, defaults, extra columns and tables', async () => {
    const problems = await checkDrift({ databaseUrl: drifted.ownerUrl });
    expect([...problems].sort()).toEqual(
      [
        'products.seo_title (Product.seoTitle): column is missing',
        'product_variants.stock (ProductVariant.stock): type is bigint, expected integer',
        'categories.slug (Category.slug): column is nullable, expected NOT NULL',
        'enum ProductStatus: the database has values HIDDEN that the schema lacks',
        'tenants.currency (Tenant.currency): length is 4, expected 3',
        'product_variants (model ProductVariant): unique index on (tenant_id, sku) is missing',
        'users (model User): unique index on (email) is missing',
        'products (model Product): index on (tenant_id, status, created_at DESC, id DESC) is missing',
        'domains.is_primary (Domain.isPrimary): the schema declares a database default, the column has none',
        'categories.legacy_code (model Category): column exists in the database but not in the schema',
        'wishlists: table exists in the database but no model maps to it',
      ].sort(),
    );
  });

  it('names a tenant table that lost its tenant_id column, and a lost table and enum', async () => {
    const schema = await loadSchema(await readFile(SCHEMA_PATH, 'utf8'));
    const snapshot = await readDatabase(fresh.ownerUrl);
    snapshot.columns = snapshot.columns.filter(
      (c) => !(c.table === 'product_images' && c.column === 'tenant_id') && c.table !== 'audit_logs',
    );
    snapshot.enums.delete('MembershipRole');
    const problems = compareSchema(schema, snapshot);
    expect(problems).toEqual(
      expect.arrayContaining([
        'product_images.tenant_id (ProductImage.tenantId): column is missing',
        'audit_logs (model AuditLog): table is missing',
        'enum MembershipRole: type "MembershipRole" is missing from the database',
      ]),
    );
  });
});

describe('Unsupported("…") columns (left out by Prisma\'s parser)', async () => {
  const schema = await loadSchema(`
    datasource db {
      provider = "postgresql"
    }
    model Doc {
      id   String                   @id
      text Unsupported("tsvector")? @map("search_text")
      @@map("docs")
    }
  `);
  const column = (udtName: string, nullable = true) => ({
    table: 'docs', column: 'search_text', dataType: udtName, udtName, nullable, hasDefault: false, maxLength: null, datetimePrecision: null,
  });
  const id = { table: 'docs', column: 'id', dataType: 'text', udtName: 'text', nullable: false, hasDefault: false, maxLength: null, datetimePrecision: null };
  const indexes = [{ table: 'docs', name: 'docs_pkey', primary: true, unique: true, partial: false, columns: [{ name: 'id', descending: false }] }];

  it('reads them from the schema text with their column name and type', () => {
    expect(schema.models[0]!.unsupported).toEqual([{ name: 'text', column: 'search_text', type: 'tsvector', optional: true }]);
  });

  it('knows the column, and names a wrong type or a missing column', () => {
    expect(compareSchema(schema, { columns: [id, column('tsvector')], indexes, enums: new Map() })).toEqual([]);
    expect(compareSchema(schema, { columns: [id, column('text')], indexes, enums: new Map() })).toEqual([
      'docs.search_text (Doc.text): type is text, expected tsvector',
    ]);
    expect(compareSchema(schema, { columns: [id], indexes, enums: new Map() })).toEqual(['docs.search_text (Doc.text): column is missing']);
  });
});
