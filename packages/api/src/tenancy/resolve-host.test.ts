import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../context.ts';
import { TenantAccessError } from '../errors.ts';
import { createApiHarness, PLATFORM_DOMAIN, type ApiHarness } from '../test-support/harness.ts';
import type { Database } from '@vitrine/db';
import { cacheKeys, createTenantResolver, type TenantResolver } from './resolve-host.ts';
import { normalizeHost } from './normalize-host.ts';

let h: ApiHarness;
let owner: SessionUser;

beforeAll(async () => {
  h = await createApiHarness('resolve');
  owner = await h.createUser('owner');
});
afterAll(() => h?.close());

/** Changes a tenant behind the resolver's back (as another process or the worker would). */
async function setTenant(id: string, data: { status?: 'TRIAL' | 'ACTIVE' | 'SUSPENDED' | 'CANCELLED'; billingStatus?: 'CURRENT' | 'PAST_DUE' | 'UNPAID'; name?: string }) {
  await h.db.platform.tenant.update({ where: { id }, data });
}

async function reasonOf(resolver: TenantResolver, host: string) {
  return resolver.resolve(host).then(
    () => 'OPEN',
    (e: unknown) => (e instanceof TenantAccessError ? `${e.reason}/${e.httpStatus}` : String(e)),
  );
}

describe('normalizeHost', () => {
  it('lowercases, strips the port and a trailing dot, and refuses junk', () => {
    expect(normalizeHost('Loja.Vitrine.TEST:3000')).toBe('loja.vitrine.test');
    expect(normalizeHost('loja.vitrine.test.')).toBe('loja.vitrine.test');
    expect(normalizeHost('[::1]:3000')).toBeNull();
    expect(normalizeHost('bad host')).toBeNull();
    expect(normalizeHost('')).toBeNull();
  });
});

describe('host resolution', () => {
  it('finds a store by {slug}.{PLATFORM_DOMAIN}, whatever the case and port', async () => {
    const store = await h.createStore(owner, 'casa-verde', 'Casa Verde');
    const found = await h.resolver.resolve(`CASA-VERDE.${PLATFORM_DOMAIN}:3000`);
    expect(found).toMatchObject({ id: store.id, slug: 'casa-verde', name: 'Casa Verde', status: 'TRIAL', billingStatus: 'CURRENT', published: false });
  });

  it('answers each closed status distinctly: unknown 404, suspended 403, cancelled 410, unpaid 402', async () => {
    const store = await h.createStore(owner, 'status-store');
    expect(await reasonOf(h.resolver, `nobody-here.${PLATFORM_DOMAIN}`)).toBe('TENANT_NOT_FOUND/404');
    expect(await reasonOf(h.resolver, PLATFORM_DOMAIN)).toBe('TENANT_NOT_FOUND/404');

    await setTenant(store.id, { status: 'SUSPENDED' });
    await h.resolver.invalidateTenant(store.id);
    expect(await reasonOf(h.resolver, store.hostname)).toBe('TENANT_SUSPENDED/403');
    const suspended = await h.resolver.resolve(store.hostname).catch((e: TenantAccessError) => e.toTRPCError());
    expect(suspended).toMatchObject({ code: 'FORBIDDEN', message: 'This store is suspended.' });

    await setTenant(store.id, { status: 'CANCELLED' });
    await h.resolver.invalidateTenant(store.id);
    expect(await reasonOf(h.resolver, store.hostname)).toBe('TENANT_CANCELLED/410');

    await setTenant(store.id, { status: 'ACTIVE', billingStatus: 'UNPAID' });
    await h.resolver.invalidateTenant(store.id);
    expect(await reasonOf(h.resolver, store.hostname)).toBe('TENANT_UNPAID/402');
    const unpaid = await h.resolver.resolve(store.hostname).catch((e: TenantAccessError) => e.toTRPCError());
    expect(unpaid).toMatchObject({ code: 'PAYMENT_REQUIRED' });

    await setTenant(store.id, { billingStatus: 'PAST_DUE' });
    await h.resolver.invalidateTenant(store.id);
    expect(await reasonOf(h.resolver, store.hostname)).toBe('OPEN');
  });

  it('serves repeated lookups from the process cache, then from Redis, without touching the database', async () => {
    const store = await h.createStore(owner, 'cache-store');
    const first = await h.newResolver();
    const loads = first.stats.databaseLoads;
    await first.lookup(store.hostname);
    expect(first.stats.databaseLoads).toBe(loads + 1);
    await first.lookup(store.hostname);
    await first.lookup(store.hostname.toUpperCase());
    expect(first.stats.databaseLoads).toBe(loads + 1);
    expect(first.stats.localHits).toBeGreaterThanOrEqual(2);

    const cached = await h.redis.get(cacheKeys(h.keyPrefix).host(store.hostname));
    expect(JSON.parse(cached ?? 'null')).toMatchObject({ tenant: { id: store.id } });

    // A second process finds it in Redis.
    const second = await h.newResolver();
    expect(await second.lookup(store.hostname)).toMatchObject({ id: store.id });
    expect(second.stats).toMatchObject({ redisHits: 1, databaseLoads: 0 });
  });

  it('caches unknown hosts too, so random hosts do not reach the database each time', async () => {
    const r = await h.newResolver();
    await r.lookup('random-1234.example.org');
    await r.lookup('random-1234.example.org');
    expect(r.stats.databaseLoads).toBe(1);
    expect(await h.redis.ttl(cacheKeys(h.keyPrefix).host('random-1234.example.org'))).toBeLessThanOrEqual(30);
  });

  it('drops stale entries in every process when a tenant changes (pub/sub)', async () => {
    const store = await h.createStore(owner, 'pubsub-store', 'Before');
    const processA = await h.newResolver();
    const processB = await h.newResolver();
    expect(await processA.lookup(store.hostname)).toMatchObject({ name: 'Before' });
    expect(await processB.lookup(store.hostname)).toMatchObject({ name: 'Before' });

    await setTenant(store.id, { name: 'After' });
    // Without invalidation both processes keep serving their cached answer.
    expect(await processB.lookup(store.hostname)).toMatchObject({ name: 'Before' });

    await processA.invalidateTenant(store.id);
    await expect.poll(async () => (await processB.lookup(store.hostname))?.name, { timeout: 2_000 }).toBe('After');
    expect(await processA.lookup(store.hostname)).toMatchObject({ name: 'After' });
  });

  it('resolves a custom domain only once it is verified', async () => {
    const store = await h.createStore(owner, 'custom-store');
    const domain = await h.db.platform.domain.create({
      data: { tenantId: store.id, hostname: 'www.custom-store.example', kind: 'CUSTOM', verification: 'PENDING' },
    });
    expect(await reasonOf(h.resolver, 'www.custom-store.example')).toBe('TENANT_NOT_FOUND/404');

    await h.db.platform.domain.update({ where: { id: domain.id }, data: { verification: 'FAILED' } });
    await h.resolver.invalidateTenant(store.id);
    expect(await reasonOf(h.resolver, 'www.custom-store.example')).toBe('TENANT_NOT_FOUND/404');

    await h.db.platform.domain.update({ where: { id: domain.id }, data: { verification: 'VERIFIED', verifiedAt: new Date() } });
    await h.resolver.invalidateTenant(store.id);
    expect(await h.resolver.resolve('WWW.Custom-Store.example:443')).toMatchObject({ id: store.id });

    // Removing the domain: the caller names the hostname that no longer exists in the table.
    await h.db.platform.domain.delete({ where: { id: domain.id } });
    await h.resolver.invalidateTenant(store.id, ['www.custom-store.example']);
    expect(await reasonOf(h.resolver, 'www.custom-store.example')).toBe('TENANT_NOT_FOUND/404');
  });

  it('never caches an answer that was loaded while an invalidation happened', async () => {
    const store = await h.createStore(owner, 'race-store', 'Old name');
    const keys = cacheKeys(h.keyPrefix);
    // The real database, with the tenant read held until we let it go.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reading!: () => void;
    const started = new Promise<void>((resolve) => (reading = resolve));
    const tenantDelegate = {
      findUnique: async (args: Parameters<typeof h.db.platform.tenant.findUnique>[0]) => {
        reading();
        await gate;
        return h.db.platform.tenant.findUnique(args);
      },
    };
    const slowDb = { ...h.db, platform: { tenant: tenantDelegate, domain: h.db.platform.domain } } as unknown as Database;
    const slow = createTenantResolver({ db: slowDb, redis: h.redis, platformDomain: PLATFORM_DOMAIN, keyPrefix: h.keyPrefix });
    await slow.ready;
    try {
      const pending = slow.lookup(store.hostname);
      await started;
      await setTenant(store.id, { name: 'New name' });
      await h.resolver.invalidateTenant(store.id); // another process records the change meanwhile
      release();
      await pending;
      expect(await h.redis.get(keys.host(store.hostname))).toBeNull();
      const loads = slow.stats.databaseLoads;
      expect(await slow.lookup(store.hostname)).toMatchObject({ name: 'New name' });
      expect(slow.stats.databaseLoads).toBe(loads + 1);
    } finally {
      await slow.close();
    }
  });
});
