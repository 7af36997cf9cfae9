import { hash } from '@node-rs/argon2';
import { encryptSecret } from '@vitrine/core/crypto';
import { createPrismaClient } from '@vitrine/db';
import { seedAlphaOrders } from './seed-orders.ts';
import { seedBuyerAccountOrder } from './buyer-account-seed.ts';
import { seedAlphaCheckout } from './seed-checkout.ts';

export const OWNER = { email: 'owner@alpha.test', password: 'alpha-owner-password-1' };
/** Owns Beta Lamps; the desktop app's spec connects a Mercado Livre seller to that store. */
export const SELLER = { email: 'seller@beta.test', password: 'beta-seller-password-1' };
export const SUPER_ADMIN = { email: 'staff@vitrine.test', password: 'platform-staff-password-1' };
/** Platform staff must use 2FA: the staff member's TOTP secret (e2e/staff-sign-in.ts computes codes from it). */
export const SUPER_ADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** The data key of the e2e server (DATA_ENCRYPTION_KEYS in e2e/server.ts), to seal the secret as the app does. */
const E2E_KEY_RING = { currentKeyId: 'k1', keys: new Map([['k1', Buffer.from('g2TSOuscX2NiMxYkYPbp4UeCB5QOegwhwi8KS55xITo=', 'base64')]]) };
/** Platform staff add this person to the partner the partners spec creates. */
/** Owns Kappa Prints (on Free); the subscription spec buys a paid plan for it and lets a renewal fail. */
export const BILLING_OWNER = { email: 'owner@kappa.test', password: 'kappa-owner-password-1' };
export const PARTNER_ADMIN = { email: 'admin@partner-one.test', password: 'partner-one-password-1' };
/** Alpha's plan: room for the team and catalog specs, and the single Mercado Livre account the ML spec runs into. */
export const ALPHA_PLAN = {
  code: 'e2e-alpha',
  name: 'Alpha Custom',
  rank: null,
  priceAmount: 1900,
  currency: 'USD',
  trialDays: 0,
  limits: { products: 1000, ordersPerMonth: 1000, staffUsers: 10, mlAccounts: 1, storageMb: 1000, apiRatePerMinute: 600 },
};

/** Two published stores with distinct products, a suspended, a cancelled and an unpaid one, alpha's owner and platform staff. */
export async function seed(ownerUrl: string): Promise<void> {
  const prisma = createPrismaClient(ownerUrl, { maxConnections: 2 });
  try {
    await prisma.plan.upsert({ where: { code: 'free' }, update: {}, create: { code: 'free', name: 'Free' } });
    // Alpha's specs invite a staff member (Free has one seat: the owner's) and show the one-account Mercado Livre
    // limit, so alpha is on a custom plan (unranked, not offered) that fits both; the other stores are on Free.
    await prisma.plan.upsert({ where: { code: ALPHA_PLAN.code }, update: {}, create: ALPHA_PLAN });
    type Standing = { status: 'ACTIVE' | 'SUSPENDED' | 'CANCELLED'; billingStatus?: 'CURRENT' | 'UNPAID'; planCode?: string };
    const store = async (slug: string, name: string, standing: Standing['status'] | Standing, products: [string, number, number][]) => {
      const { status, billingStatus = 'CURRENT', planCode = 'free' } = typeof standing === 'string' ? { status: standing } : standing;
      const tenant = await prisma.tenant.create({
        data: { slug, name, status, billingStatus, planCode, locale: 'en-US', currency: 'USD', country: 'US', branding: { primaryColor: '#225588' } },
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
    const alpha = await store('alpha', 'Alpha Teas', { status: 'ACTIVE', planCode: ALPHA_PLAN.code }, [
      ['Alpha Green Tea', 1250, 10],
      ['Alpha Teapot', 4500, 0],
    ]);
    const beta = await store('beta', 'Beta Lamps', 'ACTIVE', [['Beta Desk Lamp', 8900, 3]]);
    await store('gamma', 'Gamma Closed', 'SUSPENDED', [['Gamma Thing', 100, 1]]);
    await store('omega', 'Omega Gone', 'CANCELLED', [['Omega Relic', 100, 1]]);
    const sigma = await store('sigma', 'Sigma Unpaid', { status: 'ACTIVE', billingStatus: 'UNPAID' }, [['Sigma Gadget', 100, 1]]);
    // Another reseller's client, which the partners spec's partner must never see.
    const otherPartner = await prisma.partner.create({
      data: { name: 'Other Reseller', slug: 'other-reseller', productName: 'Other Shops', supportEmail: 'help@other-reseller.test', allowedPlanCodes: ['free'] },
    });
    await prisma.tenant.update({ where: { id: sigma.id }, data: { partnerId: otherPartner.id } });
    await prisma.user.create({ data: { email: PARTNER_ADMIN.email, name: 'Partner One Admin', passwordHash: await hash(PARTNER_ADMIN.password) } });
    const owner = await prisma.user.create({ data: { email: OWNER.email, name: 'Alpha Owner', passwordHash: await hash(OWNER.password) } });
    await prisma.membership.create({ data: { tenantId: alpha.id, userId: owner.id, role: 'OWNER' } });
    const seller = await prisma.user.create({ data: { email: SELLER.email, name: 'Beta Seller', passwordHash: await hash(SELLER.password) } });
    await prisma.membership.create({ data: { tenantId: beta.id, userId: seller.id, role: 'OWNER' } });
    const kappa = await store('kappa', 'Kappa Prints', 'ACTIVE', [['Kappa Poster', 2500, 5]]);
    const kappaOwner = await prisma.user.create({ data: { email: BILLING_OWNER.email, name: 'Kappa Owner', passwordHash: await hash(BILLING_OWNER.password), emailVerified: new Date() } });
    await prisma.membership.create({ data: { tenantId: kappa.id, userId: kappaOwner.id, role: 'OWNER' } });
    const staff = await prisma.user.create({
      data: { email: SUPER_ADMIN.email, name: 'Platform Staff', platformRole: 'SUPER_ADMIN', passwordHash: await hash(SUPER_ADMIN.password) },
    });
    await prisma.user.update({
      where: { id: staff.id },
      data: { totpSecretEnc: encryptSecret(SUPER_ADMIN_TOTP_SECRET, E2E_KEY_RING, `users.totp_secret:${staff.id}`), totpEnabledAt: new Date() },
    });
    // What the purchase spec buys at alpha: a tea in two sizes, a coupon, shipping and alpha's Stripe settings.
    await seedAlphaCheckout(prisma, alpha.id);
    // Alpha's orders (the admin orders spec): placed through the router's cart and checkout, one of them paid.
    await seedAlphaOrders(ownerUrl, alpha.id, owner.id, OWNER.email);
    // The buyer-account spec's buyer has an order at alpha before signing up (their order history shows it).
    await seedBuyerAccountOrder(ownerUrl);
  } finally {
    await prisma.$disconnect();
  }
}
