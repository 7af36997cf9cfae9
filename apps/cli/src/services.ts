import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { Redis } from 'ioredis';
import { appRouter, createCallerFactory, createContext, createTenantResolver, type SessionUser, type TenantResolver } from '@vitrine/api';
import { pickEnv } from '@vitrine/core/env';
import { createLogger } from '@vitrine/core/logger';
import { createDatabase, type Database } from '@vitrine/db';
import { CommandError } from './errors.ts';

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

/**
 * What the commands share with the web app: the same database factory (the application role, under row-level
 * security), the same Redis-backed tenant resolver (so a change is announced to every web process), and the
 * same router, called as a given person.
 */
export interface Services {
  db: Database;
  resolver: TenantResolver;
  platformDomain: string;
  appUrl: string;
  /** Who runs the command, for request ids and audit rows of the commands that write without a person. */
  runBy: string;
  /** The router called as `user` (the same procedures, checks and audit rows as the web app). */
  callerAs(user: SessionUser): Caller;
  /** The platform administrator named by --as or VITRINE_OPERATOR_EMAIL, as the router sees them. */
  operator(asEmail: string | undefined): Promise<SessionUser>;
  close(): Promise<void>;
}

export async function openServices(): Promise<Services> {
  const env = pickEnv('APP_DATABASE_URL', 'REDIS_URL', 'DATA_ENCRYPTION_KEYS', 'PLATFORM_DOMAIN', 'APP_URL', 'LOG_LEVEL');
  const log = createLogger('cli', env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);
  const db = createDatabase({ appDatabaseUrl: env.APP_DATABASE_URL, keyRing: env.DATA_ENCRYPTION_KEYS, maxConnections: 4 });
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, connectTimeout: 5_000 });
  redis.on('error', () => {});
  const redisPrefix = process.env.VITRINE_REDIS_PREFIX || 'vitrine:';
  const resolver = createTenantResolver({ db, redis, platformDomain: env.PLATFORM_DOMAIN, keyPrefix: redisPrefix, log });
  const runBy = `cli:${safeUserName()}`;
  return {
    db,
    resolver,
    platformDomain: env.PLATFORM_DOMAIN,
    appUrl: env.APP_URL,
    runBy,
    callerAs(user) {
      return createCaller(
        createContext({
          db, redis, requestId: `${runBy}:${randomUUID()}`, sessionUser: user, host: env.PLATFORM_DOMAIN, ip: null,
          tenantResolver: resolver, log, redisPrefix, appUrl: env.APP_URL,
        }),
      );
    },
    async operator(asEmail) {
      const email = (asEmail ?? process.env.VITRINE_OPERATOR_EMAIL ?? '').trim().toLowerCase();
      if (!email) {
        throw new CommandError('Say which platform administrator is acting: --as <email>, or set VITRINE_OPERATOR_EMAIL. Their account signs the audit log.');
      }
      const row = await db.platform.user.findUnique({ where: { email }, select: { id: true, email: true, platformRole: true, totpEnabledAt: true } });
      if (!row) throw new CommandError(`There is no account with the email ${email}.`);
      if (row.platformRole !== 'SUPER_ADMIN') throw new CommandError(`${email} is not a platform administrator (SUPER_ADMIN).`);
      // The platform procedures refuse staff without 2FA; say so before calling them.
      if (!row.totpEnabledAt) throw new CommandError(`${email} must turn on two-factor authentication (Account → Security) before acting as platform staff.`);
      const { totpEnabledAt: _enabled, ...user } = row;
      return user;
    },
    async close() {
      await resolver.close().catch(() => {});
      redis.disconnect();
      await db.disconnect();
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The store at `{slug}.{platform domain}`, on the web app's port and scheme. */
export function storeUrl(appUrl: string, hostname: string): string {
  const url = new URL(appUrl);
  url.hostname = hostname;
  return url.origin;
}

export async function tenantBySlug(db: Database, slug: string) {
  const tenant = await db.platform.tenant.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, status: true } });
  if (!tenant) throw new CommandError(`There is no store with the address "${slug}".`);
  return tenant;
}
