import type { PrismaClient } from './generated/prisma/client.ts';
import { Prisma } from './generated/prisma/client.ts';

/**
 * Tenant scoping as a Prisma client extension.
 *
 * Every operation of a scoped client runs in its own transaction that first sets `app.tenant_id` with
 * `set_config(..., true)` — transaction-local, so a pooled connection never carries it over — which is
 * what the RLS policies compare against. Writes also get `tenantId` filled in, so callers never pass it.
 * Reads are not filtered here: row-level security does that, and refuses writes for another tenant.
 */

/** Models whose rows belong to one tenant (tenant_id NOT NULL + RLS). */
export const TENANT_MODELS = new Set<string>([
  'Membership',
  'StorefrontConfig',
  'Category',
  'Product',
  'ProductVariant',
  'ProductImage',
  'Collection',
  'CollectionProduct',
  'ProductSlugRedirect',
  'ProductSearchTerm',
  'ProductImport',
  'SupportTicket',
  'SupportMessage',
  'DataExport',
  'AuditLog',
  'MlAccount',
  'MlToken',
  'MlItem',
  'MlOrder',
  'MlOrderItem',
  'MlShipment',
  'MlQuestion',
  'MlAnswer',
  'MlMessage',
  'MlSyncRun',
  'MlNotification',
  'Invitation',
  'StoreVisitDaily',
  'StoreSetup',
  'PaymentSettings',
  'ShippingRate',
  'StorePage',
  'Cart',
  'CartItem',
  'Coupon',
  'CouponRedemption',
  'TaxRule',
  'Order',
  'OrderItem',
  'OrderEvent',
  'OrderRefund',
  'TenantModuleOverride',
  'MemberModuleOverride',
  'BuyerAccount',
  'BuyerSession',
  'BuyerAddress',
  'BuyerToken',
]);

type Args = Record<string, unknown>;
type Delegates = Record<string, Record<string, (args: Args) => Promise<unknown>>>;
type Tx = Prisma.TransactionClient;

/**
 * Every scoped operation is an interactive transaction, so waiting for a pooled connection happens inside
 * Prisma's transaction start, whose default limit (2 s) would fail a burst that an unscoped client simply
 * queues. Scoped operations wait and run as long as a request reasonably can instead.
 */
export const SCOPED_TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

const setScope = (setting: 'app.tenant_id' | 'app.user_id', value: string) =>
  Prisma.sql`SELECT set_config(${setting}, ${value}, true)`;

/** Adds tenantId to the data of create-like operations on tenant-owned models. */
export function withTenantId(model: string | undefined, operation: string, args: Args, tenantId: string): Args {
  if (!model || !TENANT_MODELS.has(model)) return args;
  const stamp = (data: unknown) =>
    Array.isArray(data) ? data.map((row: Args) => ({ ...row, tenantId })) : { ...(data as Args), tenantId };
  switch (operation) {
    case 'create':
    case 'createMany':
    case 'createManyAndReturn':
      return { ...args, data: stamp(args.data) };
    case 'upsert':
      return { ...args, create: stamp(args.create) };
    default:
      return args;
  }
}

/**
 * Runs one model operation in an interactive transaction whose first statement sets the scope.
 * (Prisma sends a one-item batch `$transaction([op])` without BEGIN, so that form cannot carry it.)
 */
function runScoped(
  client: PrismaClient,
  scope: Prisma.Sql,
  model: string,
  operation: string,
  args: Args,
): Promise<unknown> {
  const delegate = model.charAt(0).toLowerCase() + model.slice(1);
  return client.$transaction(async (tx: Tx) => {
    await tx.$executeRaw(scope);
    return (tx as unknown as Delegates)[delegate]![operation]!(args);
  }, SCOPED_TRANSACTION_OPTIONS);
}

/** Fills tenantId on writes without opening a transaction: for use inside an already scoped one. */
function fillTenantId(client: PrismaClient, tenantId: string) {
  return client.$extends({
    name: 'tenant-fill',
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          return query(withTenantId(model, operation, args as Args, tenantId));
        },
      },
    },
  });
}

/** A client whose every operation is confined to one tenant. */
export function scopeToTenant(client: PrismaClient, tenantId: string) {
  const scope = setScope('app.tenant_id', tenantId);
  const filled = fillTenantId(client, tenantId);
  return client.$extends({
    name: 'tenant-scope',
    query: {
      $allModels: {
        $allOperations({ model, operation, args }) {
          return runScoped(client, scope, model, operation, withTenantId(model, operation, args as Args, tenantId));
        },
      },
    },
    client: {
      /**
       * An interactive transaction confined to the tenant: several writes and their audit row commit or
       * fail together. Use this, not `$transaction`, for multi-step work.
       */
      $scoped<T>(fn: (tx: ScopedTransaction) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T> {
        return filled.$transaction(async (tx) => {
          await tx.$executeRaw(scope);
          return fn(tx as ScopedTransaction);
        }, { ...SCOPED_TRANSACTION_OPTIONS, ...options });
      },
      /** Raw SQL confined to the tenant, for what Prisma's query API cannot express. */
      $scopedRaw<T = unknown>(query: Prisma.Sql): Promise<T> {
        return client.$transaction(async (tx: Tx) => {
          await tx.$executeRaw(scope);
          return tx.$queryRaw<T>(query);
        }, SCOPED_TRANSACTION_OPTIONS);
      },
    },
  });
}

export type TenantClient = ReturnType<typeof scopeToTenant>;
/** The transaction client handed to `$scoped`: model delegates with tenantId filled on writes. */
export type ScopedTransaction = Omit<
  ReturnType<typeof fillTenantId>,
  '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'
>;

/** A client that can read the given user's own memberships across tenants (policy own_memberships_read). */
export function scopeToUser(client: PrismaClient, userId: string) {
  const scope = setScope('app.user_id', userId);
  return client.$extends({
    name: 'user-scope',
    query: {
      $allModels: {
        $allOperations({ model, operation, args }) {
          return runScoped(client, scope, model, operation, args as Args);
        },
      },
    },
  });
}

export type UserClient = ReturnType<typeof scopeToUser>;
