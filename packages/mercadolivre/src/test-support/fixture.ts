import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createDatabase, createPrismaClient, type Database, type PrismaClient, type TenantClient } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { startSandbox, type GenerateSellerInput, type Sandbox, type SandboxOptions } from '../sandbox/index.ts';
import { createMlServices, type MlConfig, type MlServices } from '../services.ts';
import { sealTokens } from '../tokens/seal.ts';

/**
 * Integration fixture for ML work: a migrated database, Redis under a unique prefix, the sandbox, the
 * real services pointed at it, and tenants with accounts connected as finishConnection leaves them.
 */
export const FIXTURE_APP = { clientId: '7770001', clientSecret: 'fixture-client-secret', redirectUris: ['http://localhost/ml/callback'] };

export interface MlFixture {
  testDb: TestDatabase;
  db: Database;
  /** Owner connection (bypasses RLS): fixtures and checks only. */
  owner: PrismaClient;
  redis: Redis;
  prefix: string;
  sandbox: Sandbox;
  services: MlServices;
  createTenant(slug: string): Promise<string>;
  /** An ACTIVE account of the tenant for the sandbox seller, with fresh tokens and its route. */
  connect(tenantId: string, sellerId: number): Promise<{ accountId: string; tdb: TenantClient }>;
  /** A generated sandbox seller connected to a new tenant (named after the nickname). */
  connectedSeller(seller: GenerateSellerInput): Promise<ConnectedSeller>;
  close(): Promise<void>;
}

export interface ConnectedSeller {
  sellerId: number;
  tenantId: string;
  accountId: string;
  tdb: TenantClient;
}

export async function createMlFixture(label: string, options: { sandbox?: Partial<SandboxOptions>; config?: Partial<MlConfig> } = {}): Promise<MlFixture> {
  const testDb = await createTestDatabase(`ml_${label}`);
  const db = createDatabase({ appDatabaseUrl: testDb.appUrl, keyRing: testKeyRing(), maxConnections: 6 });
  const owner = createPrismaClient(testDb.ownerUrl, { maxConnections: 2 });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 3 });
  const prefix = `vitrine-test-ml-${label}-${randomBytes(4).toString('hex')}`;
  const sandbox = await startSandbox({ applications: [FIXTURE_APP], ...options.sandbox });
  const config: MlConfig = {
    apiBaseUrl: sandbox.url,
    authBaseUrl: sandbox.url,
    clientId: FIXTURE_APP.clientId,
    clientSecret: FIXTURE_APP.clientSecret,
    redirectUri: FIXTURE_APP.redirectUris[0]!,
    ratePerApp: 1_000,
    ratePerSeller: 1_000,
    retry: { retries: 4, baseDelayMs: 5, maxDelayMs: 50 },
    ...options.config,
  };
  const services = createMlServices({ redis, prefix, keyRing: testKeyRing(), config });

  const fixture: MlFixture = {
    testDb, db, owner, redis, prefix, sandbox, services,
    async createTenant(slug) {
      const id = `tnt_${randomUUID()}`;
      await owner.$executeRaw`INSERT INTO tenants (id, slug, name, updated_at) VALUES (${id}, ${slug}, ${slug}, now())`;
      return id;
    },
    async connect(tenantId, sellerId) {
      const tdb = await db.forTenant(tenantId);
      const issued = sandbox.issueTokens(sellerId, FIXTURE_APP.clientId);
      const account = await tdb.mlAccount.create({
        data: { tenantId, mlUserId: BigInt(sellerId), nickname: `seller-${sellerId}`, siteId: 'MLB' },
      });
      const sealed = sealTokens(
        { accessToken: issued.access_token, refreshToken: issued.refresh_token!, expiresAt: new Date(Date.now() + issued.expires_in * 1000) },
        testKeyRing(),
        account.id,
      );
      await tdb.mlToken.create({ data: { tenantId, accountId: account.id, ...sealed } });
      await db.platform.mlAccountRoute.create({ data: { mlUserId: BigInt(sellerId), tenantId, accountId: account.id } });
      return { accountId: account.id, tdb };
    },
    async connectedSeller(seller) {
      const sellerId = sandbox.generateSeller(seller).id;
      const tenantId = await fixture.createTenant(seller.nickname.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
      return { sellerId, tenantId, ...(await fixture.connect(tenantId, sellerId)) };
    },
    async close() {
      await sandbox.close();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await owner.$disconnect();
      await db.disconnect();
      await testDb.drop();
    },
  };
  return fixture;
}
