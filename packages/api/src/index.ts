export { appRouter, type AppRouter } from './root.ts';
export { createContext, sharedTenantResolver, type Context, type CreateContextOptions, type SessionUser } from './context.ts';
export { createCallerFactory, type ActiveTenant } from './trpc.ts';
export {
  createTenantResolver,
  invalidateTenant,
  cacheKeys,
  type TenantResolver,
  type TenantResolverOptions,
  type InvalidationMessage,
} from './tenancy/resolve-host.ts';
export { normalizeHost } from './tenancy/normalize-host.ts';
export type { TenantSummary, Branding } from './tenancy/tenant-summary.ts';
export { TenantAccessError, TENANT_ACCESS, tenantAccessOf, tenantAccessResponseMeta, type TenantAccessReason } from './errors.ts';
export type { ErrorData } from './error-formatter.ts';
export { can, permissionsOf, PERMISSIONS, FINE_PERMISSIONS, type Permission, type FinePermission } from './permissions.ts';
export { RESERVED_SLUGS, storeSlugProblem } from './routers/tenant/slug.ts';
export { userFromAuthorization, userFromDesktopToken, bearerTokenOf, DESKTOP_TOKEN_PREFIX } from './routers/desktop/tokens.ts';
