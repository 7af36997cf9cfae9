import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from './client.ts';
import { PLAN_CATALOGUE } from './plan-catalogue.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

const MIGRATION = new URL('../prisma/migrations/20261128050300_plan_catalogue/migration.sql', import.meta.url);

describe('the plan catalogue', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createTestDatabase('plan_catalogue');
    prisma = createPrismaClient(db.ownerUrl, { maxConnections: 2 });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('a migrated database holds exactly the catalogue the seed knows, ranked Free → Basic → Pro → Enterprise', async () => {
    const plans = await prisma.plan.findMany({ orderBy: { rank: 'asc' } });
    expect(plans.map(({ code, name, rank, priceAmount, currency, trialDays, limits }) => ({ code, name, rank, priceAmount, currency, trialDays, limits }))).toEqual(
      PLAN_CATALOGUE,
    );
    expect(plans.map((p) => p.limits)).toMatchObject([{ mlAccounts: 1 }, { mlAccounts: 3 }, { mlAccounts: 10 }, { mlAccounts: null }]);
  });

  it("the migration's inserts keep a plan the platform has edited and restore one that is missing", async () => {
    const inserts = (await readFile(MIGRATION, 'utf8')).match(/INSERT INTO "plans"[\s\S]*?ON CONFLICT \("code"\) DO NOTHING;/)?.[0];
    expect(inserts).toBeDefined();
    await prisma.plan.update({ where: { code: 'basic' }, data: { name: 'Basic (2026)', limits: { products: 2500 } } });
    await prisma.plan.delete({ where: { code: 'enterprise' } });
    await prisma.$executeRawUnsafe(inserts!);
    expect(await prisma.plan.findUniqueOrThrow({ where: { code: 'basic' } })).toMatchObject({ name: 'Basic (2026)', limits: { products: 2500 } });
    expect(await prisma.plan.findUniqueOrThrow({ where: { code: 'enterprise' } })).toMatchObject({ rank: 4, limits: PLAN_CATALOGUE[3]!.limits });
  });
});
