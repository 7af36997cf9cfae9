import { hash } from '@node-rs/argon2';
import { createPrismaClient } from '@vitrine/db';

export const OWNER = { email: 'owner@alpha.test', password: 'alpha-owner-password-1' };
export const SUPER_ADMIN = { email: 'staff@vitrine.test', password: 'platform-staff-password-1' };

/** Two published stores with distinct products, a suspended, a cancelled and an unpaid one, alpha's owner and platform staff. */
export async function seed(ownerUrl: string): Promise<void> {
  const prisma = createPrismaClient(ownerUrl, { maxConnections: 2 });
  try {
    await prisma.plan.upsert({ where: { code: 'free' }, update: {}, create: { code: 'free', name: 'Free' } });
    type Standing = { status: 'ACTIVE' | 'SUSPENDED' | 'CANCELLED'; billingStatus?: 'CURRENT' | 'UNPAID' };
    const store = async (slug: string, name: string, standing: Standing['status'] | Standing, products: [string, number, number][]) => {
      const { status, billingStatus = 'CURRENT' } = typeof standing === 'string' ? { status: standing } : standing;
      const tenant = await prisma.tenant.create({
        data: { slug, name, status, billingStatus, locale: 'en-US', currency: 'USD', country: 'US', branding: { primaryColor: '#225588' } },
      });
      await prisma.domain.create({ data: { tenantId: tenant.id, hostname: `${slug}.localhost`, kind: 'SUBDOMAIN', verification: 'VERIFIED', isPrimary: true } });
      await prisma.storefrontConfig.create({ data: { tenantId: tenant.id, publishedAt: new Date() } });
      for (const [title, price, stock] of products) {
        const slugOf = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
        const product = await prisma.product.create({ data: { tenantId: tenant.id, title, slug: slugOf, status: 'ACTIVE' } });
        await prisma.productVariant.create({
          data: { tenantId: tenant.id, productId: product.id, sku: `${slug}-${slugOf}`.toUpperCase(), priceAmount: price, currency: 'USD', stock },
        });
      }
      return tenant;
    };
    const alpha = await store('alpha', 'Alpha Teas', 'ACTIVE', [
      ['Alpha Green Tea', 1250, 10],
      ['Alpha Teapot', 4500, 0],
    ]);
    await store('beta', 'Beta Lamps', 'ACTIVE', [['Beta Desk Lamp', 8900, 3]]);
    await store('gamma', 'Gamma Closed', 'SUSPENDED', [['Gamma Thing', 100, 1]]);
    await store('omega', 'Omega Gone', 'CANCELLED', [['Omega Relic', 100, 1]]);
    await store('sigma', 'Sigma Unpaid', { status: 'ACTIVE', billingStatus: 'UNPAID' }, [['Sigma Gadget', 100, 1]]);
    const owner = await prisma.user.create({ data: { email: OWNER.email, name: 'Alpha Owner', passwordHash: await hash(OWNER.password) } });
    await prisma.membership.create({ data: { tenantId: alpha.id, userId: owner.id, role: 'OWNER' } });
    await prisma.user.create({
      data: { email: SUPER_ADMIN.email, name: 'Platform Staff', platformRole: 'SUPER_ADMIN', passwordHash: await hash(SUPER_ADMIN.password) },
    });
  } finally {
    await prisma.$disconnect();
  }
}
