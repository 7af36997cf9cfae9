import { TRPCError } from '@trpc/server';
import { Prisma, type Plan, type ScopedTransaction, type TenantDb } from '@vitrine/db';
import { inPlanUnit, limitInCountedUnit, limitsOf, limitSentence, upgradeFor, type CountedKey, type LimitKey, type PlanRow } from './limits.ts';
import { countUsage } from './usage.ts';

/** What `error.data.limit` tells a client when an action would go past the plan (see error-formatter.ts). */
export interface LimitReached {
  key: LimitKey;
  /** The plan's limit, in the plan's unit (MB for storageMb). */
  limit: number;
  /** What the store uses now, same unit. */
  used: number;
  /** What the refused action would have added, same unit. */
  adding: number;
  /** The store's plan (code). */
  plan: string;
  /** The public plan that lifts the limit (code), or null when none does. */
  upgradeTo: string | null;
}

/** The cause of a refused action: the error formatter copies `limit` to `error.data.limit`. */
export class PlanLimitCause extends Error {
  override readonly name = 'PlanLimitCause';
  constructor(readonly limit: LimitReached) {
    super(`Plan limit ${limit.key} reached`);
  }
}

/** The PlanLimitCause behind an error, if any. */
export function planLimitOf(error: unknown): LimitReached | undefined {
  if (error instanceof PlanLimitCause) return error.limit;
  if (error instanceof Error && error.cause instanceof PlanLimitCause) return error.cause.limit;
  return undefined;
}

/** The store's plan row, read in the store's transaction (the tenants row names it). */
export async function planOfTenant(tx: ScopedTransaction, tenantId: string): Promise<PlanRow> {
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { plan: { select: { code: true, name: true, limits: true, rank: true } } } });
  if (!tenant) throw new Error(`Tenant ${tenantId} has no row to read its plan from`);
  return tenant.plan;
}

/** Reads plans: a scoped transaction or the platform client. */
export interface PlanReader {
  plan: { findMany(args: { where: { rank: { not: null } }; orderBy: { rank: 'asc' } }): PromiseLike<Plan[]> };
}

/** The public plans, cheapest first. */
export function publicPlans(db: PlanReader): PromiseLike<Plan[]> {
  return db.plan.findMany({ where: { rank: { not: null } }, orderBy: { rank: 'asc' } });
}

type PlanDb = ScopedTransaction | { tdb: TenantDb };

/**
 * Refuses an action that would take the store past its plan: `adding` more of `key` (bytes for storageMb) on
 * top of what it uses. Throws FORBIDDEN with a sentence naming the limit, the plan and the plan that lifts it,
 * and `PlanLimitCause` (→ `error.data.limit`). With `adding = 0` it refuses only a store already past the limit
 * (accepting an invitation whose seat was counted when it was sent).
 *
 * Race-safe when `db` is the transaction that then writes: a transaction-level advisory lock per store and
 * limit makes two concurrent actions at the boundary count one after the other, so only one passes. Given a
 * context instead, it checks in a transaction of its own (an early answer; the writing transaction checks again).
 */
export async function assertWithinLimit(db: PlanDb, tenant: { id: string }, key: CountedKey, adding = 1): Promise<void> {
  if ('tdb' in db) return db.tdb.$scoped((tx) => checkLimit(tx, tenant.id, key, adding, false));
  return checkLimit(db, tenant.id, key, adding, true);
}

/**
 * The same check without the lock, for an early answer inside a long transaction that will check again, locked,
 * once it has written (a product import: holding the lock while it writes would stall every other product
 * creation in the store for as long as the import runs).
 */
export function precheckWithinLimit(tx: ScopedTransaction, tenant: { id: string }, key: CountedKey, adding = 1): Promise<void> {
  return checkLimit(tx, tenant.id, key, adding, false);
}

async function checkLimit(db: ScopedTransaction, tenantId: string, key: CountedKey, adding: number, lock: boolean): Promise<void> {
  if (adding < 0) return;
  const plan = await planOfTenant(db, tenantId);
  const limit = limitsOf(plan)[key];
  if (limit === null) return;
  if (lock) await db.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${`${tenantId}:plan-limit:${key}`}))`);
  const used = await countUsage(db, tenantId, key);
  if (used + adding <= limitInCountedUnit(key, limit)) return;

  const upgrade = upgradeFor(plan, await publicPlans(db), key, inPlanUnit(key, used + adding));
  throw new TRPCError({
    code: 'FORBIDDEN',
    message: limitSentence(key, plan, limit, upgrade),
    cause: new PlanLimitCause({
      key,
      limit,
      used: inPlanUnit(key, used),
      adding: inPlanUnit(key, adding),
      plan: plan.code,
      upgradeTo: upgrade?.code ?? null,
    }),
  });
}
