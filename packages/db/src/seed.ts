import { hash } from '@node-rs/argon2';
import { encryptSecret, type KeyRing } from '@vitrine/core/crypto';
import { createPrismaClient, type PrismaClient } from './client.ts';
import type { Prisma } from './generated/prisma/client.ts';
import { PLAN_CATALOGUE } from './plan-catalogue.ts';
import { ensureHelpArticles } from './seed-help.ts';

/**
 * Demo data: a super admin and two published stores with an owner each.
 *
 * Idempotent: every row is looked up by its natural key (slug, hostname, email, SKU...) and created only
 * when missing, so running it again creates nothing and changes nothing a person edited since. Each tenant
 * is written in one transaction that first sets `app.tenant_id`, because RLS is forced even for the owner.
 */

export interface SeedOptions {
  /** Owner connection (DATABASE_URL). */
  databaseUrl: string;
  /** Stores live at {slug}.{platformDomain}. */
  platformDomain: string;
  /** The web app's address (APP_URL): store URLs take its scheme and port. */
  appUrl: string;
  /**
   * Test-mode Stripe keys the demo stores take as their own payment settings (the local Stripe sandbox's), so a
   * buyer can check out in the demo at once; sealed with the key ring like keys an admin enters. None: the stores
   * start without payments (Setup → Payments).
   */
  demoPayments?: { publishableKey: string; secretKey: string; webhookSecret: string; keyRing: KeyRing };
}

export interface Login {
  email: string;
  password: string;
}

export interface SeededTenant {
  id: string;
  slug: string;
  name: string;
  hostname: string;
  url: string;
  owner: Login;
}

export interface SeedResult {
  admin: Login;
  appUrl: string;
  tenants: SeededTenant[];
  /** Rows created by this run (0 when everything was already there). */
  created: number;
}

export const DEMO_ADMIN: Login = { email: 'admin@vitrine.local', password: 'vitrine-admin-demo' };
/** A reseller whose client is Trailhead: its console at /partner, its brand on partner.{platformDomain}. */
export const DEMO_PARTNER = { slug: 'lumen', name: 'Lumen Partners', productName: 'Lumen Commerce', admin: { email: 'partner@lumen.demo', password: 'lumen-demo-pass' } };

interface DemoVariant {
  sku: string;
  title: string;
  attributes: Record<string, string>;
  priceAmount: number;
  compareAtAmount?: number;
  stock: number;
}

interface DemoProduct {
  slug: string;
  title: string;
  description: string;
  category: string;
  variants: DemoVariant[];
}

interface DemoTenant {
  slug: string;
  name: string;
  currency: string;
  locale: string;
  country: string;
  branding: { primaryColor: string; accentColor: string };
  theme: string;
  seoTitle: string;
  seoDescription: string;
  owner: Login & { name: string };
  categories: { slug: string; name: string }[];
  products: DemoProduct[];
}

const v = (sku: string, title: string, attributes: Record<string, string>, priceAmount: number, stock: number, compareAtAmount?: number): DemoVariant => ({
  sku,
  title,
  attributes,
  priceAmount,
  stock,
  ...(compareAtAmount === undefined ? {} : { compareAtAmount }),
});

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: 'aurora',
    name: 'Casa Aurora',
    currency: 'BRL',
    locale: 'pt-BR',
    country: 'BR',
    branding: { primaryColor: '#b4532a', accentColor: '#f2c14e' },
    theme: 'classic',
    seoTitle: 'Casa Aurora — utilidades para a casa',
    seoDescription: 'Cerâmica, têxteis e iluminação feitos para durar.',
    owner: { email: 'owner@aurora.demo', password: 'aurora-demo-pass', name: 'Marina Aurora' },
    categories: [
      { slug: 'mesa-e-cozinha', name: 'Mesa e cozinha' },
      { slug: 'decoracao', name: 'Decoração' },
    ],
    products: [
      {
        slug: 'caneca-de-ceramica', title: 'Caneca de cerâmica', category: 'mesa-e-cozinha',
        description: 'Caneca esmaltada à mão, 350 ml.',
        variants: [
          v('AUR-CAN-TERRA', 'Terracota', { cor: 'Terracota' }, 5900, 24),
          v('AUR-CAN-AREIA', 'Areia', { cor: 'Areia' }, 5900, 18),
          v('AUR-CAN-MUSGO', 'Musgo', { cor: 'Musgo' }, 5900, 0),
        ],
      },
      {
        slug: 'jogo-de-pratos-rasos', title: 'Jogo de pratos rasos', category: 'mesa-e-cozinha',
        description: 'Quatro pratos de grés, 27 cm.',
        variants: [v('AUR-PRA-4', '4 peças', { pecas: '4' }, 21900, 9, 25900), v('AUR-PRA-6', '6 peças', { pecas: '6' }, 31900, 5)],
      },
      {
        slug: 'tabua-de-madeira', title: 'Tábua de madeira', category: 'mesa-e-cozinha',
        description: 'Tábua de freijó para servir e cortar.',
        variants: [v('AUR-TAB-M', 'Média', { tamanho: 'M' }, 12900, 12), v('AUR-TAB-G', 'Grande', { tamanho: 'G' }, 16900, 7)],
      },
      {
        slug: 'pano-de-prato-linho', title: 'Pano de prato de linho', category: 'mesa-e-cozinha',
        description: 'Linho lavado, 50 × 70 cm.',
        variants: [v('AUR-PAN-CRU', 'Cru', { cor: 'Cru' }, 3900, 40), v('AUR-PAN-OLIVA', 'Oliva', { cor: 'Oliva' }, 3900, 31)],
      },
      {
        slug: 'vaso-de-barro', title: 'Vaso de barro', category: 'decoracao',
        description: 'Barro queimado, acabamento fosco.',
        variants: [
          v('AUR-VAS-P', 'Pequeno', { tamanho: 'P' }, 8900, 15),
          v('AUR-VAS-M', 'Médio', { tamanho: 'M' }, 12900, 8),
          v('AUR-VAS-G', 'Grande', { tamanho: 'G' }, 18900, 3),
        ],
      },
      {
        slug: 'luminaria-de-palha', title: 'Luminária de palha', category: 'decoracao',
        description: 'Cúpula trançada à mão, bocal E27.',
        variants: [v('AUR-LUM-NAT', 'Natural', { cor: 'Natural' }, 27900, 6)],
      },
      {
        slug: 'manta-de-algodao', title: 'Manta de algodão', category: 'decoracao',
        description: 'Algodão reciclado, 130 × 180 cm.',
        variants: [v('AUR-MAN-OCRE', 'Ocre', { cor: 'Ocre' }, 18900, 10), v('AUR-MAN-CINZA', 'Cinza', { cor: 'Cinza' }, 18900, 14)],
      },
    ],
  },
  {
    slug: 'trailhead',
    name: 'Trailhead Outfitters',
    currency: 'USD',
    locale: 'en',
    country: 'US',
    branding: { primaryColor: '#2f5d3a', accentColor: '#e07a1f' },
    theme: 'classic',
    seoTitle: 'Trailhead Outfitters — gear for the long way round',
    seoDescription: 'Packs, shelter and layers tested on real trails.',
    owner: { email: 'owner@trailhead.demo', password: 'trailhead-demo-pass', name: 'Sam Trailhead' },
    categories: [
      { slug: 'packs-and-shelter', name: 'Packs and shelter' },
      { slug: 'clothing', name: 'Clothing' },
    ],
    products: [
      {
        slug: 'ridgeline-35l-pack', title: 'Ridgeline 35L Pack', category: 'packs-and-shelter',
        description: 'A frameless day-and-a-half pack with a roll top.',
        variants: [v('TRL-PACK35-SM', 'S/M', { size: 'S/M' }, 14900, 11), v('TRL-PACK35-ML', 'M/L', { size: 'M/L' }, 14900, 8)],
      },
      {
        slug: 'two-person-trekking-tent', title: 'Two-Person Trekking Tent', category: 'packs-and-shelter',
        description: 'Pitched with trekking poles; 1.1 kg.',
        variants: [v('TRL-TENT2-SAND', 'Sand', { colour: 'Sand' }, 32900, 4, 37900)],
      },
      {
        slug: 'down-sleeping-quilt', title: 'Down Sleeping Quilt', category: 'packs-and-shelter',
        description: '850-fill down, rated to 20°F.',
        variants: [
          v('TRL-QUILT-REG', 'Regular', { length: 'Regular' }, 27900, 6),
          v('TRL-QUILT-LONG', 'Long', { length: 'Long' }, 29900, 3),
        ],
      },
      {
        slug: 'titanium-cook-pot', title: 'Titanium Cook Pot', category: 'packs-and-shelter',
        description: '750 ml pot with a folding handle and lid.',
        variants: [v('TRL-POT-750', '750 ml', { capacity: '750 ml' }, 4500, 30)],
      },
      {
        slug: 'merino-base-layer', title: 'Merino Base Layer', category: 'clothing',
        description: 'Long-sleeve 200 g/m² merino crew.',
        variants: [
          v('TRL-MERINO-S', 'Small', { size: 'S', colour: 'Charcoal' }, 8900, 14),
          v('TRL-MERINO-M', 'Medium', { size: 'M', colour: 'Charcoal' }, 8900, 20),
          v('TRL-MERINO-L', 'Large', { size: 'L', colour: 'Charcoal' }, 8900, 9),
        ],
      },
      {
        slug: 'rain-shell-jacket', title: 'Rain Shell Jacket', category: 'clothing',
        description: 'Three-layer waterproof shell with pit zips.',
        variants: [
          v('TRL-SHELL-M-BLUE', 'Medium / Blue', { size: 'M', colour: 'Blue' }, 19900, 7),
          v('TRL-SHELL-L-BLUE', 'Large / Blue', { size: 'L', colour: 'Blue' }, 19900, 5),
          v('TRL-SHELL-M-RUST', 'Medium / Rust', { size: 'M', colour: 'Rust' }, 19900, 2),
        ],
      },
      {
        slug: 'trail-running-shorts', title: 'Trail Running Shorts', category: 'clothing',
        description: '5-inch shorts with a zip pocket.',
        variants: [v('TRL-SHORTS-M', 'Medium', { size: 'M' }, 5400, 16), v('TRL-SHORTS-L', 'Large', { size: 'L' }, 5400, 12)],
      },
      {
        slug: 'wool-hiking-socks', title: 'Wool Hiking Socks', category: 'clothing',
        description: 'Cushioned merino socks, lifetime guarantee.',
        variants: [v('TRL-SOCKS-M', 'M', { size: 'M' }, 2400, 50), v('TRL-SOCKS-L', 'L', { size: 'L' }, 2400, 45)],
      },
    ],
  },
];

type Tx = Prisma.TransactionClient;

/** Finds a row by its natural key, creating it only when missing; counts what it creates. */
class Ensure {
  created = 0;
  async row<T>(find: () => Promise<T | null>, create: () => Promise<T>): Promise<T> {
    const found = await find();
    if (found) return found;
    this.created++;
    return create();
  }
}

const hashPassword = (password: string) => hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });

async function ensureUser(prisma: PrismaClient | Tx, ensure: Ensure, login: Login, name: string, superAdmin = false) {
  return ensure.row(
    () => prisma.user.findUnique({ where: { email: login.email } }),
    async () =>
      prisma.user.create({
        data: {
          email: login.email,
          name,
          passwordHash: await hashPassword(login.password),
          emailVerified: new Date(),
          platformRole: superAdmin ? 'SUPER_ADMIN' : 'NONE',
        },
      }),
  );
}

async function seedTenant(prisma: PrismaClient, demo: DemoTenant, options: SeedOptions, adminId: string): Promise<{ tenant: SeededTenant; created: number }> {
  const hostname = `${demo.slug}.${options.platformDomain}`;
  return prisma.$transaction(
    async (tx) => {
      const ensure = new Ensure();
      const tenant = await ensure.row(
        () => tx.tenant.findUnique({ where: { slug: demo.slug } }),
        () =>
          tx.tenant.create({
            data: {
              slug: demo.slug, name: demo.name, status: 'ACTIVE', planCode: 'basic',
              locale: demo.locale, currency: demo.currency, country: demo.country, branding: demo.branding,
            },
          }),
      );
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenant.id}, true)`;
      const tenantId = tenant.id;

      // Sealed with the same associated data as the payments settings procedure (@vitrine/api setup/payments.ts).
      const payments = options.demoPayments;
      if (payments) {
        await ensure.row(
          () => tx.paymentSettings.findUnique({ where: { tenantId } }),
          () =>
            tx.paymentSettings.create({
              data: {
                tenantId,
                stripePublishableKey: payments.publishableKey,
                stripeSecretKeyEnc: encryptSecret(payments.secretKey, payments.keyRing, `stripe-secret:${tenantId}`),
                stripeSecretLast4: payments.secretKey.slice(-4),
                stripeWebhookSecretEnc: encryptSecret(payments.webhookSecret, payments.keyRing, `stripe-webhook-secret:${tenantId}`),
              },
            }),
        );
      }

      await ensure.row(
        () => tx.domain.findUnique({ where: { hostname } }),
        () => tx.domain.create({ data: { tenantId, hostname, kind: 'SUBDOMAIN', verification: 'VERIFIED', verifiedAt: new Date(), isPrimary: true } }),
      );
      const owner = await ensureUser(tx, ensure, demo.owner, demo.owner.name);
      await ensure.row(
        () => tx.membership.findUnique({ where: { tenantId_userId: { tenantId, userId: owner.id } } }),
        () => tx.membership.create({ data: { tenantId, userId: owner.id, role: 'OWNER' } }),
      );
      await ensure.row(
        () => tx.storefrontConfig.findUnique({ where: { tenantId } }),
        () =>
          tx.storefrontConfig.create({
            data: {
              tenantId, theme: demo.theme, themeSettings: { sections: ['hero', 'featured', 'catalog'] },
              seoTitle: demo.seoTitle, seoDescription: demo.seoDescription, publishedAt: new Date(),
            },
          }),
      );

      const categoryIds = new Map<string, string>();
      for (const [position, category] of demo.categories.entries()) {
        const row = await ensure.row(
          () => tx.category.findUnique({ where: { tenantId_slug: { tenantId, slug: category.slug } } }),
          () => tx.category.create({ data: { tenantId, slug: category.slug, name: category.name, position } }),
        );
        categoryIds.set(category.slug, row.id);
      }

      for (const product of demo.products) {
        const row = await ensure.row(
          () => tx.product.findUnique({ where: { tenantId_slug: { tenantId, slug: product.slug } } }),
          () =>
            tx.product.create({
              data: {
                tenantId, slug: product.slug, title: product.title, description: product.description,
                status: 'ACTIVE', categoryId: categoryIds.get(product.category) ?? null,
              },
            }),
        );
        for (const [position, variant] of product.variants.entries()) {
          await ensure.row(
            () => tx.productVariant.findUnique({ where: { tenantId_sku: { tenantId, sku: variant.sku } } }),
            () =>
              tx.productVariant.create({
                data: {
                  tenantId, productId: row.id, sku: variant.sku, title: variant.title, attributes: variant.attributes,
                  priceAmount: variant.priceAmount, compareAtAmount: variant.compareAtAmount ?? null,
                  currency: demo.currency, stock: variant.stock, position,
                },
              }),
          );
        }
      }

      if (ensure.created > 0) {
        await tx.auditLog.create({
          data: { tenantId, actorPlatformUserId: adminId, action: 'seed.applied', targetType: 'tenant', targetId: tenantId, data: { created: ensure.created } },
        });
      }
      return {
        tenant: {
          id: tenantId, slug: demo.slug, name: tenant.name, hostname, url: storeUrl(hostname, options.appUrl), owner: { email: demo.owner.email, password: demo.owner.password } },
        created: ensure.created,
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** The public plans (plan-catalogue.ts): a missing one is created, one that exists is left as the platform set it. */
async function ensurePlans(prisma: PrismaClient, ensure: Ensure) {
  for (const plan of PLAN_CATALOGUE) {
    await ensure.row(
      () => prisma.plan.findUnique({ where: { code: plan.code } }),
      () => prisma.plan.create({ data: { ...plan, limits: plan.limits } }),
    );
  }
}

/** The demo partner, its admin and Trailhead as its client (partner rows counted as created like the others). */
async function ensureDemoPartner(prisma: PrismaClient, ensure: Ensure, options: SeedOptions) {
  const partner = await ensure.row(
    () => prisma.partner.findUnique({ where: { slug: DEMO_PARTNER.slug } }),
    () =>
      prisma.partner.create({
        data: {
          slug: DEMO_PARTNER.slug, name: DEMO_PARTNER.name, productName: DEMO_PARTNER.productName, primaryColor: '#0f766e', accentColor: '#f59e0b',
          supportEmail: 'help@lumen.demo', adminDomain: `partner.${options.platformDomain}`, allowedPlanCodes: ['free', 'basic', 'pro'],
          defaultTenantBranding: { primaryColor: '#0f766e', accentColor: '#f59e0b' },
        },
      }),
  );
  const user = await ensureUser(prisma, ensure, DEMO_PARTNER.admin, 'Lumen Admin');
  await ensure.row(
    () => prisma.partnerMember.findUnique({ where: { userId: user.id } }),
    () => prisma.partnerMember.create({ data: { partnerId: partner.id, userId: user.id, role: 'PARTNER_ADMIN' } }),
  );
  await prisma.tenant.updateMany({ where: { slug: 'trailhead', partnerId: null }, data: { partnerId: partner.id } });
}

export async function seed(options: SeedOptions): Promise<SeedResult> {
  const prisma = createPrismaClient(options.databaseUrl, { maxConnections: 2 });
  try {
    const ensure = new Ensure();
    await ensurePlans(prisma, ensure);
    const admin = await ensureUser(prisma, ensure, DEMO_ADMIN, 'Vitrine Admin', true);
    let created = ensure.created + (await ensureHelpArticles(prisma, admin.id));
    const tenants: SeededTenant[] = [];
    for (const demo of DEMO_TENANTS) {
      const result = await seedTenant(prisma, demo, options, admin.id);
      tenants.push(result.tenant);
      created += result.created;
    }
    const partners = new Ensure();
    await ensureDemoPartner(prisma, partners, options);
    created += partners.created;
    return { admin: DEMO_ADMIN, appUrl: new URL(options.appUrl).origin, tenants, created };
  } finally {
    await prisma.$disconnect();
  }
}

/** Where a store answers: {slug}.{platformDomain} on APP_URL's scheme and port. */
export function storeUrl(hostname: string, appUrl: string): string {
  const app = new URL(appUrl);
  return `${app.protocol}//${hostname}${app.port ? `:${app.port}` : ''}`;
}

/** The readable block the seed prints: where to go and how to sign in. */
export function describeSeed(result: SeedResult): string {
  const lines = [
    `Super admin      ${result.appUrl}/platform/tenants`,
    `  login          ${result.admin.email} / ${result.admin.password}`,
    '                 (platform pages ask for two-factor authentication: turn it on at /admin/account/security)',
    '',
    `${DEMO_PARTNER.name} (reseller; Trailhead is its client)`,
    `  console        ${result.appUrl}/partner  (its brand: ${storeUrl(`partner.${new URL(result.appUrl).hostname}`, result.appUrl)}/login)`,
    `  login          ${DEMO_PARTNER.admin.email} / ${DEMO_PARTNER.admin.password}`,
    '',
  ];
  for (const tenant of result.tenants) {
    lines.push(
      `${tenant.name} (${tenant.slug})`,
      `  store          ${tenant.url}`,
      `  admin          ${result.appUrl}/admin`,
      `  owner login    ${tenant.owner.email} / ${tenant.owner.password}`,
      '',
    );
  }
  lines.push(result.created > 0 ? `Seed: ${result.created} rows created.` : 'Seed: demo data already present, nothing created.');
  return lines.join('\n');
}
