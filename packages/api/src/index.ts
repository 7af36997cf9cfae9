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
export { invitationRefusalOf, type InvitationRefusalReason } from './routers/team/accept.ts';
export { userFromAuthorization, userFromDesktopToken, bearerTokenOf, DESKTOP_TOKEN_PREFIX } from './routers/desktop/tokens.ts';
export { SETUP_STEPS, type SetupStep } from './routers/setup/steps.ts';
export { STORE_THEMES, type StoreTheme } from './routers/setup/themes.ts';
export { recordStoreVisits } from './routers/storefront/pages.ts';
export { MARKET_DEFAULTS, MARKET_COUNTRIES, MARKET_CURRENCIES, MARKET_LOCALES, NICHES, marketDefaultsFor } from './routers/setup/market-defaults.ts';
export {
  markOrderPaid,
  recordRefund,
  expireUnpaidOrder,
  OrderNotFoundError,
  newBuyerToken,
  type LifecycleResult,
  type PaymentNotice,
  type RefundNotice,
} from './commerce/index.ts';
export { storeStripeClient, storeStripeSecretKey, storeWebhookSecret, stripeApiBase, PAYMENTS_NOT_SET_UP } from './commerce/store-stripe.ts';
export { orderStripeEventHandlers } from './commerce/stripe-events.ts';
export { expireUnpaidOrderWhenDue } from './commerce/unpaid-orders.ts';
export { storeModuleOn } from './modules/index.ts';
export { billingStripeEventHandlers, restrictExpiredGracePeriods } from './billing/index.ts';
export { resolveWhiteLabel, whiteLabelForHost, whiteLabelForTenant, type WhiteLabel } from './partners/white-label.ts';
export { partnerAppUrl } from './partners/emails.ts';
