import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { appRouter, createCallerFactory, createContext, createTenantResolver, newBuyerToken } from '@vitrine/api';
import { createLogger } from '@vitrine/core/logger';
import { createDatabase } from '@vitrine/db';

/** The buyer of the buyer-account spec: an order at alpha under this email exists before they sign up. */
export const ACCOUNT_BUYER = { name: 'Rita Registrada', email: 'rita@buyer.test' } as const;

/**
 * One order at alpha for ACCOUNT_BUYER, placed through the real code path (the router's cart and checkout on alpha's
 * host, as a buyer's browser would), with local pickup. Runs after seedAlphaOrders, which sets up alpha's shipping.
 */
export async function seedBuyerAccountOrder(ownerUrl: string): Promise<void> {
  const keyRing = { currentKeyId: 'seed', keys: new Map([['seed', randomBytes(32)]]) };
  const db = createDatabase({ appDatabaseUrl: ownerUrl, keyRing, maxConnections: 2 });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 });
  const keyPrefix = `vitrine-e2e-seed-${randomBytes(4).toString('hex')}:`;
  const log = createLogger('e2e-seed', 'silent');
  const tenantResolver = createTenantResolver({ db, redis, platformDomain: 'localhost', keyPrefix, log });
  try {
    await tenantResolver.ready;
    const buyer = createCallerFactory(appRouter)(
      createContext({ db, redis, sessionUser: null, host: 'alpha.localhost', tenantResolver, log, redisPrefix: keyPrefix, appUrl: 'http://localhost' }),
    );
    const product = await buyer.storefront.product({ slug: 'alpha-green-tea' });
    const variantId = product.variants[0]!.id;
    const cartToken = newBuyerToken();
    await buyer.cart.add({ cartToken, variantId, quantity: 1 });
    const address = { line1: '12 Leaf Lane', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US' };
    await buyer.checkout.placeOrder({ cartToken, email: ACCOUNT_BUYER.email, name: ACCOUNT_BUYER.name, address, shippingOptionId: 'pickup' });
  } finally {
    await tenantResolver.close();
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await db.disconnect();
  }
}
