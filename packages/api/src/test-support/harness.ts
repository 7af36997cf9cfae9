import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createLogger } from '@vitrine/core/logger';
import { createDatabase, createPrismaClient, type Database, type MembershipRole, type PlatformRole, type PrismaClient } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import type { ObjectStorage } from '@vitrine/media/storage';
import type { MlServices } from '@vitrine/mercadolivre';
import { createContext, type Context, type SessionUser } from '../context.ts';
import { userFromAuthorization } from '../routers/desktop/tokens.ts';
import { appRouter } from '../root.ts';
import { createTenantResolver, type TenantResolver } from '../tenancy/resolve-host.ts';
import { createCallerFactory } from '../trpc.ts';

/**
 * Test fixture for integration tests: a fresh migrated database, the application role's client, the
 * owner's client (for fixtures and fault injection only), Redis with a key prefix unique to this run,
 * and callers of the real router.
 */
export const PLATFORM_DOMAIN = 'vitrine.test';
export const APP_URL = 'http://vitrine.test';

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface CallAs {
  tenantId?: string | null;
  host?: string;
  /** The platform staff impersonation grant the request carries (the web app's impersonation cookie). */
  impersonationGrantId?: string | null;
}

export interface ApiHarnessOptions {
  /** Mercado Livre services for the callers' context, or a factory given this harness's Redis and key prefix. */
  mercadolivre?: MlServices | ((parts: { redis: Redis; keyPrefix: string }) => MlServices);
  /** File storage for the callers' context (product images). */
  storage?: ObjectStorage;
}

export interface ApiHarness {
  testDb: TestDatabase;
  /** What callers get as ctx.mercadolivre (null: not configured); tests may replace it. */
  mercadolivre: MlServices | null;
  /** What callers get as ctx.storage. */
  storage: ObjectStorage | null;
  db: Database;
  owner: PrismaClient;
  redis: Redis;
  keyPrefix: string;
  resolver: TenantResolver;
  /** Another resolver, as another process would have (for pub/sub invalidation tests). */
  newResolver(): Promise<TenantResolver>;
  caller(user: SessionUser | null, as?: CallAs): Caller;
  /** The context a caller gets (the HTTP test server builds one per request with it). */
  context(user: SessionUser | null, as?: CallAs): Context;
  /**
   * A caller authenticated as the web route authenticates a request with this Authorization header (the
   * same resolution function); a bad or revoked token rejects with the route's UNAUTHORIZED answer.
   */
  bearerCaller(authorization: string, as?: CallAs): Promise<Caller>;
  createUser(label: string, platformRole?: PlatformRole): Promise<SessionUser>;
  /** A store opened through tenant.create by `owner`. */
  createStore(owner: SessionUser, slug: string, name?: string): Promise<{ id: string; slug: string; hostname: string }>;
  addMember(tenantId: string, user: SessionUser, role: MembershipRole, permissions?: string[]): Promise<void>;
  /** Moves the store to another plan of the plans table ('free', 'basic', 'pro', 'enterprise' = no limits). */
  setPlan(tenantId: string, planCode: string): Promise<void>;
  auditRows(tenantId: string, action?: string): Promise<{ action: string; targetId: string | null; actorUserId: string | null; actorPlatformUserId: string | null; requestId: string | null; data: unknown }[]>;
  close(): Promise<void>;
}

const silent = createLogger('api-test', 'silent');

export async function createApiHarness(label: string, options: ApiHarnessOptions = {}): Promise<ApiHarness> {
  const testDb = await createTestDatabase(`api_${label}`);
  const db = createDatabase({ appDatabaseUrl: testDb.appUrl, keyRing: testKeyRing(), maxConnections: 5 });
  const owner = createPrismaClient(testDb.ownerUrl, { maxConnections: 2 });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: false, maxRetriesPerRequest: 2 });
  const keyPrefix = `vitrine-test:${label}:${randomBytes(4).toString('hex')}:`;
  const resolvers: TenantResolver[] = [];

  async function newResolver() {
    const r = createTenantResolver({ db, redis, platformDomain: PLATFORM_DOMAIN, keyPrefix, log: silent });
    await r.ready;
    resolvers.push(r);
    return r;
  }
  const resolver = await newResolver();
  let requests = 0;

  const mercadolivre =
    typeof options.mercadolivre === 'function' ? options.mercadolivre({ redis, keyPrefix }) : (options.mercadolivre ?? null);

  const harness: ApiHarness = {
    testDb,
    mercadolivre,
    storage: options.storage ?? null,
    db,
    owner,
    redis,
    keyPrefix,
    resolver,
    newResolver,
    caller(user, as = {}) {
      return createCaller(harness.context(user, as));
    },
    context(user, as = {}) {
      requests += 1;
      return createContext({
          db,
          redis,
          requestId: `req-${label}-${requests}`,
          sessionUser: user,
          host: as.host ?? PLATFORM_DOMAIN,
          activeTenantId: as.tenantId ?? null,
          impersonationGrantId: as.impersonationGrantId ?? null,
          ip: '127.0.0.1',
          tenantResolver: resolver,
          log: silent,
          mercadolivre: harness.mercadolivre ?? undefined,
          redisPrefix: keyPrefix,
          appUrl: APP_URL,
          storage: harness.storage ?? undefined,
        });
    },
    async bearerCaller(authorization, as = {}) {
      const user = await userFromAuthorization(db.platform, authorization);
      return harness.caller(user ?? null, as);
    },
    async createUser(userLabel, platformRole = 'NONE') {
      const email = `${userLabel}-${randomBytes(3).toString('hex')}@example.test`;
      // Platform staff have two-factor authentication on (the platform procedures require it).
      const totpEnabledAt = platformRole === 'SUPER_ADMIN' ? new Date() : null;
      const user = await db.platform.user.create({ data: { email, name: userLabel, platformRole, totpEnabledAt } });
      return { id: user.id, email: user.email, platformRole: user.platformRole };
    },
    async createStore(ownerUser, slug, name = `Store ${slug}`) {
      const store = await harness.caller(ownerUser).tenant.create({ name, slug });
      return { id: store.id, slug: store.slug, hostname: store.hostname };
    },
    async addMember(tenantId, user, role, permissions = []) {
      const tdb = await db.forTenant(tenantId);
      await tdb.membership.create({ data: { tenantId, userId: user.id, role, permissions } });
    },
    async setPlan(tenantId, planCode) {
      await owner.tenant.update({ where: { id: tenantId }, data: { planCode } });
    },
    async auditRows(tenantId, action) {
      const tdb = await db.forTenant(tenantId);
      return tdb.auditLog.findMany({
        where: action ? { action } : {},
        orderBy: { createdAt: 'asc' },
        select: { action: true, targetId: true, actorUserId: true, actorPlatformUserId: true, requestId: true, data: true },
      });
    },
    async close() {
      await Promise.all(resolvers.map((r) => r.close()));
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
      await redis.quit();
      await owner.$disconnect();
      await db.disconnect();
      await testDb.drop();
    },
  };
  return harness;
}
