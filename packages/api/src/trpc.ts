import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { TenantNotFoundError, type Membership, type Tenant, type TenantDb } from '@vitrine/db';
import type { Context, SessionUser } from './context.ts';
import type { TenantSummary } from './tenancy/tenant-summary.ts';
import { formatError } from './error-formatter.ts';
import { tenantAccessOf, TenantAccessError, withRefusalReason } from './errors.ts';
import { can, type Permission } from './permissions.ts';
import { limitDesktopRequests } from './lib/desktop-rate.ts';
import { refuseRestrictedWrite } from './billing/restriction.ts';
import { activeImpersonation, impersonationMembership, refuseReadOnlyWrite, type ActiveImpersonation } from './impersonation/active.ts';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // A refusal's machine-readable reason rides along as `data.reason` (see RefusalReason in errors.ts).
  errorFormatter: ({ shape, error, ctx }) => withRefusalReason(formatError({ shape, error, requestId: ctx?.requestId }), error),
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/**
 * Every procedure: a store-access answer thrown anywhere becomes its typed TRPCError, and anything
 * unexpected is logged with the request id (the client only sees a generic sentence).
 */
const errorBoundary = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    const access = tenantAccessOf(result.error.cause);
    if (access) throw access.toTRPCError();
    ctx.log.error({ err: result.error.cause ?? result.error, path, type }, 'unexpected error');
  }
  return result;
});

export const publicProcedure = t.procedure.use(errorBoundary);

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in to continue.' });
  if (ctx.user.desktopTokenId) await limitDesktopRequests(ctx.redis, ctx.redisPrefix, ctx.user.desktopTokenId);
  return next({ ctx: { user: ctx.user } });
});

/** The tenant a tenant procedure works on (platform row, without the sealed connection string). */
export type ActiveTenant = Omit<Tenant, 'databaseUrlEnc'> & { dedicated: boolean };

const NO_ACCESS = 'You do not have access to this store.';
export const PLATFORM_TWO_FACTOR_REQUIRED =
  'Platform staff must turn on two-factor authentication before using the platform pages (Account → Security).';

/**
 * A procedure inside the admin's active store: the user must be a member of `activeTenantId` and hold
 * `permission` (see permissions.ts). Adds `tenant`, `membership` and `tdb` (the tenant-scoped client).
 * A store that does not exist and a store the user is not a member of get the same answer.
 */
export function tenantProcedure(permission: Permission) {
  return authedProcedure.use(async ({ ctx, next }) => {
    const tenantId = ctx.activeTenantId;
    if (!tenantId) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Choose a store to work on first.' });

    const row = await ctx.db.platform.tenant.findUnique({ where: { id: tenantId } });
    if (!row) throw new TRPCError({ code: 'FORBIDDEN', message: NO_ACCESS });
    const tdb = await ctx.db.forTenant(tenantId).catch((error: unknown) => {
      if (error instanceof TenantNotFoundError) throw new TRPCError({ code: 'FORBIDDEN', message: NO_ACCESS });
      throw error;
    });
    let membership = await tdb.membership.findFirst({ where: { userId: ctx.user.id } });
    // Platform staff impersonating: the grant stands in for a membership (never written as one).
    let impersonation: ActiveImpersonation | null = null;
    if (!membership && ctx.impersonationGrantId) {
      impersonation = await activeImpersonation(ctx.db, {
        grantId: ctx.impersonationGrantId,
        tenantId,
        userId: ctx.user.id,
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      if (impersonation) membership = impersonationMembership(impersonation);
    }
    if (!membership) throw new TRPCError({ code: 'FORBIDDEN', message: NO_ACCESS });

    if (row.status === 'SUSPENDED') {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'This store is suspended. Contact support to reactivate it.' });
    }
    if (row.status === 'CANCELLED') throw new TRPCError({ code: 'FORBIDDEN', message: 'This store has been closed.' });
    if (!can(membership, permission)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Your role in this store does not allow this (${permission}).` });
    }

    const { databaseUrlEnc, ...rest } = row;
    const tenant: ActiveTenant = { ...rest, dedicated: databaseUrlEnc !== null };
    return next({ ctx: { tenant, tdb, membership, impersonation, log: ctx.log.child({ tenantId }) } });
  }).use(({ ctx, type, next }) => {
    refuseReadOnlyWrite(ctx.impersonation, type);
    // Billing: a RESTRICTED store (renewal unpaid after the grace period) reads but does not write (402).
    refuseRestrictedWrite(ctx.tenant, permission, type);
    return next();
  });
}

/**
 * Platform staff only, with two-factor authentication on; the role and the second factor are read again from
 * the database, not trusted from the session.
 */
export const platformAdminProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const refuse = () => new TRPCError({ code: 'FORBIDDEN', message: 'This area is for platform administrators.' });
  if (ctx.user.platformRole !== 'SUPER_ADMIN') throw refuse();
  const current = await ctx.db.platform.user.findUnique({ where: { id: ctx.user.id }, select: { platformRole: true, totpEnabledAt: true } });
  if (current?.platformRole !== 'SUPER_ADMIN') throw refuse();
  if (!current.totpEnabledAt) throw new TRPCError({ code: 'FORBIDDEN', message: PLATFORM_TWO_FACTOR_REQUIRED });
  return next({ ctx: { user: ctx.user } });
});

/**
 * Public storefront: the store is the one behind the request's Host. Unknown, suspended, cancelled and
 * unpaid stores and unpublished ones get their typed answers (see errors.ts).
 */
export const storefrontProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const tenant = await ctx.tenantResolver.resolve(ctx.host).catch((error: unknown) => {
    throw error instanceof TenantAccessError ? error.toTRPCError() : error;
  });
  if (!tenant.published) throw new TenantAccessError('STORE_UNPUBLISHED', ctx.host).toTRPCError();
  const tdb = await ctx.db.forTenant(tenant.id);
  return next({ ctx: { tenant, tdb, log: ctx.log.child({ tenantId: tenant.id }) } });
});

/** What handlers receive, by layer (handlers take these explicitly rather than the whole tRPC options). */
export type AuthedContext = Context & { user: SessionUser };
export type TenantContext = AuthedContext & {
  tenant: ActiveTenant;
  tdb: TenantDb;
  membership: Membership;
  /** Set while platform staff act in the store under an impersonation grant (audited with both identities). */
  impersonation?: ActiveImpersonation | null;
};
export type StorefrontContext = Context & { tenant: TenantSummary; tdb: TenantDb };
