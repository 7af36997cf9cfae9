import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { appRouter, createCallerFactory, createContext, createTenantResolver, markOrderPaid, newBuyerToken } from '@vitrine/api';
import { createLogger } from '@vitrine/core/logger';
import { createDatabase } from '@vitrine/db';

/** Buyers of alpha's seeded orders (the admin orders spec filters by them). */
export const ALPHA_BUYERS = {
  paid: { name: 'Carla Compradora', email: 'carla@buyer.test' },
  unpaid: { name: 'Davi Esperando', email: 'davi@buyer.test' },
} as const;

/**
 * Alpha's orders, placed through the real code path: the router's cart and checkout on alpha's host (as a buyer's
 * browser would), then the payment notice the Stripe webhook hands to markOrderPaid for the first one. Alpha gets
 * shipping first (a flat band and local pickup, through the setup procedure) unless it has some already.
 */
export async function seedAlphaOrders(ownerUrl: string, alphaId: string, ownerId: string, ownerEmail: string): Promise<void> {
  const keyRing = { currentKeyId: 'seed', keys: new Map([['seed', randomBytes(32)]]) };
  const db = createDatabase({ appDatabaseUrl: ownerUrl, keyRing, maxConnections: 2 });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 });
  const keyPrefix = `vitrine-e2e-seed-${randomBytes(4).toString('hex')}:`;
  const log = createLogger('e2e-seed', 'silent');
  const tenantResolver = createTenantResolver({ db, redis, platformDomain: 'localhost', keyPrefix, log });
  const createCaller = createCallerFactory(appRouter);
  const context = (as: { user?: boolean; host?: string }) =>
    createContext({
      db,
      redis,
      sessionUser: as.user ? { id: ownerId, email: ownerEmail, platformRole: 'NONE' } : null,
      host: as.host ?? 'localhost',
      activeTenantId: as.user ? alphaId : null,
      tenantResolver,
      log,
      redisPrefix: keyPrefix,
      appUrl: 'http://localhost',
    });
  try {
    await tenantResolver.ready;
    const owner = createCaller(context({ user: true }));
    const tdb = await db.forTenant(alphaId);
    if ((await tdb.shippingRate.count()) === 0) {
      await owner.setup.shipping.save({
        basis: 'ORDER_VALUE',
        bands: [{ name: 'Standard', minValue: 0, maxValue: null, priceAmount: 500 }],
        pickup: { name: 'Alpha tea room, weekdays 9–17', priceAmount: 0 },
      });
    }
    const tea = await tdb.productVariant.findFirstOrThrow({ where: { sku: 'ALPHA-ALPHA-GREEN-TEA' } });
    const buyer = createCaller(context({ host: 'alpha.localhost' }));
    const address = { line1: '500 Market Street', line2: 'Suite 12', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' };
    const place = async (who: { name: string; email: string }, quantity: number, pickup: boolean) => {
      const cartToken = newBuyerToken();
      await buyer.cart.add({ cartToken, variantId: tea.id, quantity });
      const { options } = await buyer.cart.shippingOptions({ cartToken, address });
      const option = options.find((o) => (pickup ? o.id === 'pickup' : o.id !== 'pickup'))!;
      return buyer.checkout.placeOrder({ cartToken, email: who.email, name: who.name, address, shippingOptionId: option.id });
    };
    const paid = await place(ALPHA_BUYERS.paid, 2, false);
    await markOrderPaid(db, alphaId, paid.orderId, { paymentIntentId: `pi_e2e_seed_${paid.number}`, amount: paid.total });
    await place(ALPHA_BUYERS.unpaid, 1, true);
  } finally {
    await tenantResolver.close();
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await db.disconnect();
  }
}
