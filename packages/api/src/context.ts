import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createLogger, type Logger } from '@vitrine/core/logger';
import type { Database, PlatformRole } from '@vitrine/db';
import type { ObjectStorage } from '@vitrine/media/storage';
import type { MlServices } from '@vitrine/mercadolivre';
import { createTenantResolver, type TenantResolver } from './tenancy/resolve-host.ts';

/** The signed-in person, as the web app's session (or the desktop token) knows them. */
export interface SessionUser {
  id: string;
  email: string;
  platformRole: PlatformRole;
  /** Set when the request came from the desktop app with this token (its own rate budget, signing itself out). */
  desktopTokenId?: string;
}

export interface CreateContextOptions {
  db: Database;
  redis: Redis;
  /** The request id the web app logs and returns (x-request-id); one is made up when absent. */
  requestId?: string;
  sessionUser: SessionUser | null;
  /** The Host header as received (port and case do not matter). */
  host: string;
  /** The store chosen in the admin's tenant switcher (cookie or x-tenant-id header). */
  activeTenantId?: string | null;
  /** Platform staff inside a store's admin: the impersonation grant they entered it with (see impersonation/). */
  impersonationGrantId?: string | null;
  ip?: string | null;
  /** One resolver per process; by default one is made per Redis client and reused. */
  tenantResolver?: TenantResolver;
  /** Needed only when no tenantResolver is given; defaults to the PLATFORM_DOMAIN variable. */
  platformDomain?: string;
  log?: Logger;
  /** Mercado Livre (OAuth, clients), built once per process; without it the connection procedures refuse. */
  mercadolivre?: MlServices;
  /** Prefix of every Redis key the procedures write (device sign-ins); defaults to VITRINE_REDIS_PREFIX or 'vitrine:'. */
  redisPrefix?: string;
  /** The web app's public address (links shown to people); defaults to the APP_URL variable. */
  appUrl?: string;
  /** Uploaded files (product images); without it the procedures that read or remove files refuse. */
  storage?: ObjectStorage;
}

export interface Context {
  db: Database;
  redis: Redis;
  requestId: string;
  user: SessionUser | null;
  host: string;
  activeTenantId: string | null;
  impersonationGrantId: string | null;
  ip: string | null;
  tenantResolver: TenantResolver;
  log: Logger;
  mercadolivre: MlServices | null;
  redisPrefix: string;
  appUrl: string | null;
  storage: ObjectStorage | null;
}

const rootLogger = createLogger('api');
const resolvers = new WeakMap<Redis, TenantResolver>();

/** The process-wide resolver for a Redis client (created on first use, subscribed to invalidations). */
export function sharedTenantResolver(db: Database, redis: Redis, platformDomain: string): TenantResolver {
  let resolver = resolvers.get(redis);
  if (!resolver) {
    resolver = createTenantResolver({ db, redis, platformDomain, log: rootLogger.child({ component: 'tenant-resolver' }) });
    resolvers.set(redis, resolver);
  }
  return resolver;
}

function platformDomainFromEnv(): string {
  const value = process.env.PLATFORM_DOMAIN;
  if (!value) throw new Error('PLATFORM_DOMAIN is missing: pass tenantResolver or platformDomain to createContext');
  return value;
}

export function createContext(options: CreateContextOptions): Context {
  const requestId = options.requestId || randomUUID();
  const user = options.sessionUser;
  const tenantResolver =
    options.tenantResolver ??
    sharedTenantResolver(options.db, options.redis, options.platformDomain ?? platformDomainFromEnv());
  return {
    db: options.db,
    redis: options.redis,
    requestId,
    user,
    host: options.host,
    activeTenantId: options.activeTenantId || null,
    impersonationGrantId: options.impersonationGrantId || null,
    ip: options.ip ?? null,
    tenantResolver,
    log: (options.log ?? rootLogger).child({ requestId, userId: user?.id }),
    mercadolivre: options.mercadolivre ?? null,
    redisPrefix: options.redisPrefix ?? (process.env.VITRINE_REDIS_PREFIX || 'vitrine:'),
    appUrl: options.appUrl ?? process.env.APP_URL ?? null,
    storage: options.storage ?? null,
  };
}
