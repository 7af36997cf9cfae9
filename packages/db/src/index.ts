export { createDatabase, TenantNotFoundError, type Database, type DatabaseOptions } from './database.ts';
export { createPrismaClient } from './client.ts';
export { scopeToTenant, scopeToUser, TENANT_MODELS, type TenantClient, type UserClient, type ScopedTransaction } from './tenant-scope.ts';
export { listenStorefrontChanges, STOREFRONT_CHANGED, type StorefrontChangeHandlers, type StorefrontChangeListener } from './storefront-changes.ts';
export { sealDedicatedUrls, openDedicatedUrls, type DedicatedUrls } from './dedicated.ts';
export {
  tenantTables, parentsFirst, quoteIdent,
  type TenantTable, type TableColumn, type ForeignKey, type CatalogReader, type PgQueryable,
} from './tenant-tables.ts';
export { Prisma, PrismaClient } from './generated/prisma/client.ts';
export * from './generated/prisma/enums.ts';
export type {
  Plan, Tenant, Domain, User, Account, Session, VerificationToken, OutboxJob,
  Membership, StorefrontConfig, Category, Product, ProductVariant, ProductImage, AuditLog,
  MlAccountRoute, MlAccount, MlToken, MlItem, MlOrder, MlOrderItem, MlShipment, MlQuestion, MlAnswer, MlMessage,
  MlSyncRun, MlNotification, DesktopToken,
  Invitation, StoreVisitDaily, StorePage,
  Cart, CartItem, Coupon, CouponRedemption, TaxRule, Order, OrderItem, OrderEvent, OrderRefund,
  BuyerAccount, BuyerSession, BuyerAddress, BuyerToken,
} from './generated/prisma/client.ts';

import type { TenantClient } from './tenant-scope.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
/** Aliases used across the apps. */
export type TenantDb = TenantClient;
export type PlatformDb = PrismaClient;
