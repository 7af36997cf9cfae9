import { randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { decryptSecret } from '@vitrine/core/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from './client.ts';
import { DEMO_ADMIN, DEMO_TENANTS, describeSeed, seed, storeUrl, type SeedResult } from './seed.ts';
import { DEMO_HELP_ARTICLES } from './seed-help.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

const TABLES = [
  'tenants', 'domains', 'users', 'memberships', 'storefront_configs', 'categories', 'products', 'product_variants', 'audit_logs',
  'help_articles',
] as const;

async function counts(prisma: PrismaClient): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
    result[table] = Number(row!.n);
  }
  return result;
}

describe('seed', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let first: SeedResult;
  let second: SeedResult;
  let afterFirst: Record<string, number>;
  let afterSecond: Record<string, number>;
  const options = () => ({ databaseUrl: db.ownerUrl, platformDomain: 'localhost', appUrl: 'http://localhost:3000/' });

  beforeAll(async () => {
    db = await createTestDatabase('seed');
    prisma = createPrismaClient(db.ownerUrl, { maxConnections: 2 });
    first = await seed(options());
    afterFirst = await counts(prisma);
    second = await seed(options());
    afterSecond = await counts(prisma);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('creates the super admin, two tenants with an owner each, their domains, stores and catalogs', () => {
    const products = DEMO_TENANTS.reduce((n, t) => n + t.products.length, 0);
    const variants = DEMO_TENANTS.reduce((n, t) => n + t.products.reduce((m, p) => m + p.variants.length, 0), 0);
    expect(afterFirst).toEqual({
      tenants: 2, domains: 2, users: 4, memberships: 2, storefront_configs: 2, categories: 4,
      products, product_variants: variants, audit_logs: 2, help_articles: DEMO_HELP_ARTICLES.length,
    });
    // + the demo partner, its admin and their membership
    expect(first.created).toBe(1 + 2 * 5 + 4 + products + variants + DEMO_HELP_ARTICLES.length + 3);
  });

  it('creates nothing the second time', () => {
    expect(afterSecond).toEqual(afterFirst);
    expect(second.created).toBe(0);
    expect(second.tenants.map((t) => t.id)).toEqual(first.tenants.map((t) => t.id));
  });

  it('makes the admin a super admin and the owners OWNER of their tenant, with argon2id passwords', async () => {
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_ADMIN.email } });
    expect(admin.platformRole).toBe('SUPER_ADMIN');
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(admin.passwordHash!, DEMO_ADMIN.password)).toBe(true);
    for (const demo of DEMO_TENANTS) {
      const owner = await prisma.user.findUniqueOrThrow({ where: { email: demo.owner.email }, include: { memberships: { include: { tenant: true } } } });
      expect(owner.platformRole).toBe('NONE');
      expect(await verify(owner.passwordHash!, demo.owner.password)).toBe(true);
      expect(owner.memberships.map((m) => [m.tenant.slug, m.role])).toEqual([[demo.slug, 'OWNER']]);
    }
  });

  it('publishes active stores on verified primary subdomains, with their currency, locale and branding', async () => {
    const tenants = await prisma.tenant.findMany({ include: { domains: true, storefrontConfig: true }, orderBy: { slug: 'asc' } });
    expect(tenants.map((t) => [t.slug, t.name, t.currency, t.locale, t.country, t.status, t.planCode])).toEqual([
      ['aurora', 'Casa Aurora', 'BRL', 'pt-BR', 'BR', 'ACTIVE', 'basic'],
      ['trailhead', 'Trailhead Outfitters', 'USD', 'en', 'US', 'ACTIVE', 'basic'],
    ]);
    for (const tenant of tenants) {
      expect(tenant.branding).toMatchObject({ primaryColor: expect.stringMatching(/^#/), accentColor: expect.stringMatching(/^#/) });
      expect(tenant.domains).toMatchObject([{ hostname: `${tenant.slug}.localhost`, kind: 'SUBDOMAIN', verification: 'VERIFIED', isPrimary: true }]);
      expect(tenant.storefrontConfig?.publishedAt).toBeInstanceOf(Date);
      expect(tenant.storefrontConfig?.theme).toBeTruthy();
    }
  });

  it('gives each tenant its own active products with 1–3 variants priced in its currency', async () => {
    for (const demo of DEMO_TENANTS) {
      const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug: demo.slug } });
      const products = await prisma.product.findMany({ where: { tenantId: tenant.id }, include: { variants: true, category: true } });
      expect(products.length).toBeGreaterThanOrEqual(6);
      expect(products.length).toBeLessThanOrEqual(8);
      expect(new Set(products.map((p) => p.title)).size).toBe(products.length);
      for (const product of products) {
        expect(product.status).toBe('ACTIVE');
        expect(product.category).not.toBeNull();
        expect(product.variants.length).toBeGreaterThanOrEqual(1);
        expect(product.variants.length).toBeLessThanOrEqual(3);
        for (const variant of product.variants) {
          expect(variant.currency).toBe(demo.currency);
          expect(Number.isInteger(variant.priceAmount) && variant.priceAmount > 0).toBe(true);
          expect(Object.keys(variant.attributes as object).length).toBeGreaterThan(0);
        }
      }
    }
    const titles = await prisma.product.findMany({ select: { title: true, tenant: { select: { slug: true } } } });
    const aurora = titles.filter((t) => t.tenant.slug === 'aurora').map((t) => t.title);
    expect(titles.filter((t) => t.tenant.slug === 'trailhead').some((t) => aurora.includes(t.title))).toBe(false);
  });

  it('publishes the help articles in English and Portuguese, each topic in both', async () => {
    const articles = await prisma.helpArticle.findMany({ where: { published: true } });
    expect(articles.filter((a) => a.locale === 'en')).toHaveLength(4);
    expect(articles.filter((a) => a.locale === 'pt-BR')).toHaveLength(4);
    expect(articles.every((a) => a.body.split('\n\n').length >= 3)).toBe(true);
  });

  it('records seed.applied once per tenant, only on the run that created rows', async () => {
    const audits = await prisma.auditLog.findMany({ where: { action: 'seed.applied' } });
    expect(audits.map((a) => a.tenantId).sort()).toEqual(first.tenants.map((t) => t.id).sort());
  });

  it('fills in what is missing without duplicating the rest', async () => {
    const trailhead = await prisma.tenant.findUniqueOrThrow({ where: { slug: 'trailhead' } });
    await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${trailhead.id}, true)`;
      await tx.productVariant.delete({ where: { tenantId_sku: { tenantId: trailhead.id, sku: 'TRL-SOCKS-L' } } });
    });
    const result = await seed(options());
    expect(result.created).toBe(1);
    expect(await counts(prisma)).toEqual({ ...afterFirst, audit_logs: afterFirst.audit_logs! + 1 });
  });

  it('gives the demo stores the sandbox keys as their payment settings when asked, sealed with the key ring, once', async () => {
    const keyRing = { currentKeyId: 'k1', keys: new Map([['k1', randomBytes(32)]]) };
    const demoPayments = { publishableKey: 'pk_test_demo', secretKey: 'sk_test_demo_sandbox_1234', webhookSecret: 'whsec_demo', keyRing };
    const result = await seed({ ...options(), demoPayments });
    expect(result.created).toBeGreaterThanOrEqual(DEMO_TENANTS.length);
    const rows = await prisma.$queryRaw<{ tenant_id: string; stripe_secret_key_enc: string; stripe_webhook_secret_enc: string; stripe_secret_last4: string }[]>`
      SELECT tenant_id, stripe_secret_key_enc, stripe_webhook_secret_enc, stripe_secret_last4 FROM payment_settings`;
    expect(rows).toHaveLength(DEMO_TENANTS.length);
    for (const row of rows) {
      expect(row.stripe_secret_last4).toBe('1234');
      expect(decryptSecret(row.stripe_secret_key_enc, keyRing, `stripe-secret:${row.tenant_id}`)).toBe(demoPayments.secretKey);
      expect(decryptSecret(row.stripe_webhook_secret_enc, keyRing, `stripe-webhook-secret:${row.tenant_id}`)).toBe('whsec_demo');
    }
    await seed({ ...options(), demoPayments });
    expect(await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM payment_settings`).toEqual([{ n: BigInt(DEMO_TENANTS.length) }]);
  });

  it('prints the logins and the store addresses on the app port', () => {
    const text = describeSeed(first);
    expect(text).toContain('admin@vitrine.local / vitrine-admin-demo');
    expect(text).toContain('owner@aurora.demo / aurora-demo-pass');
    expect(text).toContain('owner@trailhead.demo / trailhead-demo-pass');
    expect(text).toContain('http://aurora.localhost:3000');
    expect(text).toContain('http://trailhead.localhost:3000');
    expect(describeSeed(second)).toContain('nothing created');
    expect(storeUrl('aurora.vitrine.app', 'https://vitrine.app')).toBe('https://aurora.vitrine.app');
  });
});
