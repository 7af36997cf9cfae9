import { LRUCache } from 'lru-cache';
import type { Redis } from 'ioredis';
import type { Logger } from '@vitrine/core/logger';
import type { Database } from '@vitrine/db';
import { TenantAccessError } from '../errors.ts';
import { normalizeHost, slugFromPlatformHost } from './normalize-host.ts';
import { assertStoreOpen, brandingOf, type TenantSummary } from './tenant-summary.ts';

/**
 * Host → tenant, cached twice:
 *   1. in process (LRU, short TTL), so most requests touch nothing;
 *   2. in Redis (JSON, longer TTL), shared by every process.
 * Unknown hosts are cached too (briefly), so random hosts cannot hammer the database.
 *
 * A change to a tenant or its domains calls `invalidateTenant`: it bumps a generation counter, deletes the
 * Redis entries of every hostname of the tenant, and publishes `{ tenantId, hostnames }` on
 * `{prefix}tenant-invalidate`; every resolver subscribed to the channel drops its local entries. A load that
 * started before an invalidation never writes its (possibly stale) answer back: Redis writes are guarded by
 * the generation counter, local writes by a local epoch.
 */
export interface TenantResolverOptions {
  db: Database;
  redis: Redis;
  /** Stores live at {slug}.{platformDomain}. */
  platformDomain: string;
  /** Prefix of every Redis key and of the channel; tests use one per run. Default "vitrine:". */
  keyPrefix?: string;
  localTtlMs?: number;
  localMax?: number;
  redisTtlSeconds?: number;
  negativeLocalTtlMs?: number;
  negativeRedisTtlSeconds?: number;
  log?: Logger;
}

export interface ResolverStats {
  localHits: number;
  redisHits: number;
  databaseLoads: number;
}

export interface TenantResolver {
  readonly platformDomain: string;
  /** The tenant behind a host whatever its status, or null when no store lives there. */
  lookup(host: string): Promise<TenantSummary | null>;
  /** The tenant behind a host, or a TenantAccessError (404 unknown, 403 suspended, 410 cancelled, 402 unpaid). */
  resolve(host: string): Promise<TenantSummary>;
  /** Drop every cached answer about the tenant, here and in every other process (never throws: logs). */
  invalidateTenant(tenantId: string, extraHostnames?: string[]): Promise<void>;
  /** Resolves once the invalidation channel is subscribed. */
  readonly ready: Promise<void>;
  readonly stats: ResolverStats;
  close(): Promise<void>;
}

type Entry = { tenant: TenantSummary | null };

export interface InvalidationMessage {
  tenantId: string;
  hostnames: string[];
}

export const DEFAULT_KEY_PREFIX = 'vitrine:';

export function cacheKeys(prefix = DEFAULT_KEY_PREFIX) {
  return {
    host: (host: string) => `${prefix}tenant:host:${host}`,
    hostsOf: (tenantId: string) => `${prefix}tenant:hosts:${tenantId}`,
    generation: `${prefix}tenant:gen`,
    channel: `${prefix}tenant-invalidate`,
  };
}

/** SET the entry only if no invalidation happened since the load began (generation unchanged). */
const WRITE_IF_CURRENT = `
local current = redis.call('GET', KEYS[2]) or '0'
if current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
if ARGV[4] ~= '' then
  redis.call('SADD', KEYS[3], ARGV[4])
  redis.call('EXPIRE', KEYS[3], ARGV[3])
end
return 1`;

export interface InvalidateDeps {
  db: Database;
  redis: Redis;
  platformDomain: string;
  keyPrefix?: string;
}

/**
 * Drops the Redis entries of every hostname of a tenant and tells every process to drop its own.
 * Usable without a resolver (e.g. from the worker after verifying a domain).
 */
export async function invalidateTenant(deps: InvalidateDeps, tenantId: string, extraHostnames: string[] = []): Promise<string[]> {
  const keys = cacheKeys(deps.keyPrefix);
  const tenant = await deps.db.platform.tenant.findUnique({
    where: { id: tenantId },
    select: { slug: true, domains: { select: { hostname: true } } },
  });
  const hostnames = new Set<string>(extraHostnames.map((h) => normalizeHost(h)).filter((h): h is string => !!h));
  if (tenant) {
    hostnames.add(`${tenant.slug}.${deps.platformDomain}`);
    for (const d of tenant.domains) hostnames.add(d.hostname);
  }
  for (const h of await deps.redis.smembers(keys.hostsOf(tenantId))) hostnames.add(h);

  const list = [...hostnames];
  const tx = deps.redis.multi().incr(keys.generation).del(keys.hostsOf(tenantId));
  if (list.length) tx.del(...list.map(keys.host));
  await tx.exec();
  const message: InvalidationMessage = { tenantId, hostnames: list };
  await deps.redis.publish(keys.channel, JSON.stringify(message));
  return list;
}

export function createTenantResolver(options: TenantResolverOptions): TenantResolver {
  const { db, redis, log } = options;
  const platformDomain = options.platformDomain.toLowerCase();
  const keys = cacheKeys(options.keyPrefix);
  const localTtl = options.localTtlMs ?? 30_000;
  const negativeLocalTtl = options.negativeLocalTtlMs ?? 5_000;
  const redisTtl = options.redisTtlSeconds ?? 600;
  const negativeRedisTtl = options.negativeRedisTtlSeconds ?? 30;

  const local = new LRUCache<string, Entry>({ max: options.localMax ?? 10_000, ttl: localTtl });
  const inflight = new Map<string, Promise<TenantSummary | null>>();
  const stats: ResolverStats = { localHits: 0, redisHits: 0, databaseLoads: 0 };
  let epoch = 0;

  function dropLocal(message: InvalidationMessage) {
    epoch += 1;
    for (const h of message.hostnames) local.delete(h);
    for (const [host, entry] of local.entries()) {
      if (entry.tenant?.id === message.tenantId) local.delete(host);
    }
    inflight.clear();
  }

  const subscriber = redis.duplicate();
  subscriber.on('error', (err) => log?.warn({ err }, 'tenant invalidation subscriber error'));
  subscriber.on('message', (channel: string, raw: string) => {
    if (channel !== keys.channel) return;
    try {
      const message = JSON.parse(raw) as InvalidationMessage;
      if (typeof message.tenantId === 'string' && Array.isArray(message.hostnames)) dropLocal(message);
    } catch (err) {
      log?.warn({ err }, 'ignored a malformed tenant invalidation message');
    }
  });
  const ready = subscriber.subscribe(keys.channel).then(() => undefined);
  // A failed subscription must not become an unhandled rejection; callers may still await `ready`.
  ready.catch((err: unknown) => log?.error({ err }, 'could not subscribe to tenant invalidations'));

  async function loadFromDatabase(host: string): Promise<TenantSummary | null> {
    stats.databaseLoads += 1;
    const slug = slugFromPlatformHost(host, platformDomain);
    const tenant = slug
      ? await db.platform.tenant.findUnique({ where: { slug } })
      : await db.platform.domain
          .findUnique({ where: { hostname: host }, include: { tenant: true } })
          .then((d) => (d && d.kind === 'CUSTOM' && d.verification === 'VERIFIED' ? d.tenant : null));
    if (!tenant) return null;
    const tdb = await db.forTenant(tenant.id);
    const config = await tdb.storefrontConfig.findFirst({ select: { publishedAt: true } });
    return {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      status: tenant.status,
      billingStatus: tenant.billingStatus,
      locale: tenant.locale,
      currency: tenant.currency,
      branding: brandingOf(tenant.branding),
      published: !!config?.publishedAt,
      dedicatedDatabase: tenant.databaseUrlEnc !== null,
    };
  }

  async function loadThroughRedis(host: string): Promise<TenantSummary | null> {
    const startEpoch = epoch;
    let generation: string | null = null;
    try {
      const [cached, gen] = await redis.mget(keys.host(host), keys.generation);
      generation = gen ?? '0';
      if (cached) {
        const entry = JSON.parse(cached) as Entry;
        stats.redisHits += 1;
        if (epoch === startEpoch) local.set(host, entry, { ttl: entry.tenant ? localTtl : negativeLocalTtl });
        return entry.tenant;
      }
    } catch (err) {
      log?.warn({ err, host }, 'tenant cache unavailable; reading the database');
    }

    const tenant = await loadFromDatabase(host);
    const entry: Entry = { tenant };
    if (generation !== null) {
      try {
        await redis.eval(
          WRITE_IF_CURRENT,
          3,
          keys.host(host),
          keys.generation,
          keys.hostsOf(tenant?.id ?? '-'),
          generation,
          JSON.stringify(entry),
          String(tenant ? redisTtl : negativeRedisTtl),
          tenant ? host : '',
        );
      } catch (err) {
        log?.warn({ err, host }, 'could not write the tenant cache');
      }
    }
    if (epoch === startEpoch) local.set(host, entry, { ttl: tenant ? localTtl : negativeLocalTtl });
    return tenant;
  }

  async function lookup(rawHost: string): Promise<TenantSummary | null> {
    const host = normalizeHost(rawHost);
    if (!host) return null;
    const hit = local.get(host);
    if (hit) {
      stats.localHits += 1;
      return hit.tenant;
    }
    let pending = inflight.get(host);
    if (!pending) {
      const started: Promise<TenantSummary | null> = loadThroughRedis(host).finally(() => {
        if (inflight.get(host) === started) inflight.delete(host);
      });
      inflight.set(host, started);
      pending = started;
    }
    return pending;
  }

  return {
    platformDomain,
    lookup,
    async resolve(rawHost) {
      const tenant = await lookup(rawHost);
      if (!tenant) throw new TenantAccessError('TENANT_NOT_FOUND', rawHost);
      return assertStoreOpen(tenant, rawHost);
    },
    async invalidateTenant(tenantId, extraHostnames = []) {
      try {
        const hostnames = await invalidateTenant({ db, redis, platformDomain, keyPrefix: options.keyPrefix }, tenantId, extraHostnames);
        dropLocal({ tenantId, hostnames });
      } catch (err) {
        // The change itself is committed; other processes catch up when their entries expire.
        dropLocal({ tenantId, hostnames: extraHostnames });
        log?.error({ err, tenantId }, 'could not broadcast a tenant invalidation; caches expire on their own');
      }
    },
    ready,
    stats,
    async close() {
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
