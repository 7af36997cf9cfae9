import { LRUCache } from 'lru-cache';
import type { KeyRing } from '@vitrine/core/crypto';
import { createPrismaClient, type PrismaClient } from './client.ts';
import { openDedicatedUrls } from './dedicated.ts';
import { scopeToTenant, scopeToUser, type TenantClient, type UserClient } from './tenant-scope.ts';

export interface DatabaseOptions {
  /** The vitrine_app connection to the pooled (platform) database. */
  appDatabaseUrl: string;
  keyRing: KeyRing;
  maxConnections?: number;
  /** How long a tenant's routing (pooled or dedicated) is trusted before it is read again. */
  routingTtlMs?: number;
}

export interface Database {
  /** Platform tables: plans, tenants, domains, users, sessions, outbox. */
  platform: PrismaClient;
  /** A client confined to one tenant, on the pooled database or the tenant's dedicated one. */
  forTenant(tenantId: string): Promise<TenantClient>;
  /** A client that sees the user's own memberships in every tenant. */
  forUser(userId: string): UserClient;
  /** The keys that seal secrets at rest (AES-256-GCM, @vitrine/core/crypto): payment keys, tokens. */
  readonly keyRing: KeyRing;
  /** Forget a tenant's routing, after it moved between pooled and dedicated. */
  invalidateRouting(tenantId: string): void;
  disconnect(): Promise<void>;
}

export class TenantNotFoundError extends Error {
  override name = 'TenantNotFoundError';
  constructor(readonly tenantId: string) {
    super(`Tenant ${tenantId} does not exist`);
  }
}

export function createDatabase(options: DatabaseOptions): Database {
  const platform = createPrismaClient(options.appDatabaseUrl, { maxConnections: options.maxConnections });
  const dedicated = new Map<string, PrismaClient>();
  const scoped = new LRUCache<string, TenantClient>({ max: 5_000, ttl: options.routingTtlMs ?? 60_000 });

  function dedicatedClient(url: string): PrismaClient {
    let client = dedicated.get(url);
    if (!client) {
      client = createPrismaClient(url, { maxConnections: Math.min(options.maxConnections ?? 10, 5) });
      dedicated.set(url, client);
    }
    return client;
  }

  async function forTenant(tenantId: string): Promise<TenantClient> {
    const cached = scoped.get(tenantId);
    if (cached) return cached;
    const tenant = await platform.tenant.findUnique({ where: { id: tenantId }, select: { databaseUrlEnc: true } });
    if (!tenant) throw new TenantNotFoundError(tenantId);
    const base = tenant.databaseUrlEnc
      ? dedicatedClient(openDedicatedUrls(tenantId, tenant.databaseUrlEnc, options.keyRing).app)
      : platform;
    const client = scopeToTenant(base, tenantId);
    scoped.set(tenantId, client);
    return client;
  }

  return {
    platform,
    keyRing: options.keyRing,
    forTenant,
    forUser: (userId) => scopeToUser(platform, userId),
    invalidateRouting: (tenantId) => void scoped.delete(tenantId),
    async disconnect() {
      scoped.clear();
      await Promise.all([platform.$disconnect(), ...[...dedicated.values()].map((c) => c.$disconnect())]);
      dedicated.clear();
    },
  };
}
