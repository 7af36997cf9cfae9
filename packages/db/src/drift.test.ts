import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDrift, parsePrismaSchema, SCHEMA_PATH } from './drift.ts';
import * as enums from './generated/prisma/enums.ts';
import { Prisma } from './generated/prisma/client.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

describe('parsePrismaSchema', () => {
  const parsed = parsePrismaSchema(`
    // a comment { with a brace
    generator client { provider = "prisma-client" }
    enum Colour {
      RED
      GREEN // trailing comment
      @@map("colour_kind")
    }
    /// documented model
    model Item {
      id        String   @id @default(cuid())
      label     String?  @map("item_label") @db.VarChar(40)
      code      String   @db.Char(3)
      url       String   @default("http://example.test//x")
      tags      String[] @default([])
      colour    Colour   @default(RED)
      owner     Owner    @relation(fields: [ownerId], references: [id])
      ownerId   String   @map("owner_id")
      at        DateTime @db.Timestamptz(3)

      @@unique([ownerId, code])
      @@map("items")
    }
    model Owner {
      id    String @id
      items Item[]
    }
  `);

  it('reads models with their table names and the field modifiers', () => {
    const item = parsed.models.find((m) => m.name === 'Item')!;
    expect(item.table).toBe('items');
    expect(item.fields.map((f) => f.name)).toEqual(['id', 'label', 'code', 'url', 'tags', 'colour', 'owner', 'ownerId', 'at']);
    const field = (name: string) => item.fields.find((f) => f.name === name)!;
    expect(field('label')).toEqual({
      name: 'label', type: 'String', optional: true, list: false, column: 'item_label', native: { name: 'VarChar', args: ['40'] },
    });
    expect(field('tags')).toMatchObject({ type: 'String', list: true, optional: false, column: 'tags' });
    expect(field('url').column).toBe('url');
    expect(field('at').native).toEqual({ name: 'Timestamptz', args: ['3'] });
    expect(field('ownerId').column).toBe('owner_id');
    expect(parsed.models.find((m) => m.name === 'Owner')!.table).toBe('Owner');
  });

  it('reads enums with their values and database names', () => {
    expect(parsed.enums).toEqual([{ name: 'Colour', dbName: 'colour_kind', values: ['RED', 'GREEN'] }]);
  });

  it('refuses a block that is never closed', () => {
    expect(() => parsePrismaSchema('model A {\n id String @id\n')).toThrow(/never closed/);
  });
});

describe('the parse of schema.prisma matches the generated client', async () => {
  const schema = parsePrismaSchema(await readFile(SCHEMA_PATH, 'utf8'));
  const modelNames = new Set(schema.models.map((m) => m.name));

  it('has the same models', () => {
    expect([...modelNames].sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it('has the same scalar fields in every model', () => {
    const namespace = Prisma as unknown as Record<string, Record<string, string>>;
    for (const model of schema.models) {
      const scalars = model.fields.filter((f) => !modelNames.has(f.type)).map((f) => f.name);
      expect(scalars, model.name).toEqual(Object.values(namespace[`${model.name}ScalarFieldEnum`]!));
    }
  });

  it('has the same enums and values', () => {
    const generated = Object.fromEntries(
      Object.entries(enums).map(([name, values]) => [name, Object.values(values as Record<string, string>)]),
    );
    expect(Object.fromEntries(schema.enums.map((e) => [e.name, e.values]))).toEqual(generated);
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

  it('names a dropped column, a changed type, a changed nullability, an extra enum value and a changed length', async () => {
    const problems = await checkDrift({ databaseUrl: drifted.ownerUrl });
    expect(problems).toEqual(
      expect.arrayContaining([
        'products.seo_title (Product.seoTitle): column is missing',
        'product_variants.stock (ProductVariant.stock): type is bigint, expected integer',
        'categories.slug (Category.slug): column is nullable, expected NOT NULL',
        'enum ProductStatus: the database has values HIDDEN that the schema lacks',
        'tenants.currency (Tenant.currency): length is 4, expected 3',
      ]),
    );
    expect(problems).toHaveLength(5);
  });
});
