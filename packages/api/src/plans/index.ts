/**
 * Plan limits held in data (issue 7). The `plans` table holds each plan's limits
 * ({ products, ordersPerMonth, staffUsers, mlAccounts, storageMb, apiRatePerMinute }; null = unlimited) and its
 * `rank` in the public catalogue; `tenants.plan_code` names the store's plan. Nothing here hard-codes a plan.
 *
 * - limits.ts: `limitsOf(plan)`, the plan that lifts a limit (`upgradeFor`: the next public plan up whose limit is
 *   higher), and the sentence naming both.
 * - usage.ts: `countUsage(tx, tenantId, key)` / `usageOf(ctx, key)`: what each limit counts (see there).
 * - enforce.ts: `assertWithinLimit(tx | ctx, tenant, key, adding = 1)`, called at each action inside the
 *   transaction that writes, under `pg_advisory_xact_lock(hashtext(tenant_id || ':plan-limit:' || key))`.
 *   Refusals are FORBIDDEN (403), like the other "your store may not do this" answers (PAYMENT_REQUIRED, 402, is
 *   kept for a store whose subscription is unpaid), with `error.data.limit` = { key, limit, used, adding, plan,
 *   upgradeTo } (error-formatter.ts).
 * - storage.ts: the bytes an image takes, recorded as product_images.size_bytes when the upload is attached.
 *
 * Enforced at: catalog product create / restore / bulk restore and the product import (preview and commit),
 * team invite / resend of an expired invitation / accept, Mercado Livre connection (start and finish), product
 * image attach and the upload route. ordersPerMonth is exported for checkout. apiRatePerMinute is data only.
 */
export { COUNTED_KEYS, LIMIT_KEYS, limitsOf, limitSentence, upgradeFor, type CountedKey, type LimitKey, type PlanLimits, type PlanRow } from './limits.ts';
export { countUsage, usageOf } from './usage.ts';
export { assertWithinLimit, precheckWithinLimit, planLimitOf, PlanLimitCause, planOfTenant, publicPlans, type LimitReached } from './enforce.ts';
export { storedImageBytes } from './storage.ts';
