import { z } from 'zod';

/** The limits a plan row holds in `plans.limits`. */
export const LIMIT_KEYS = ['products', 'ordersPerMonth', 'staffUsers', 'mlAccounts', 'storageMb', 'apiRatePerMinute'] as const;
export type LimitKey = (typeof LIMIT_KEYS)[number];
/** The limits whose use is counted (apiRatePerMinute is data only: it is shown, not enforced yet). */
export const COUNTED_KEYS = ['products', 'ordersPerMonth', 'staffUsers', 'mlAccounts', 'storageMb'] as const satisfies readonly LimitKey[];
export type CountedKey = (typeof COUNTED_KEYS)[number];

/** null: no limit (a missing key, a null, or a plan whose limits cannot be read). */
export type PlanLimits = Record<LimitKey, number | null>;

const limitValue = z.number().int().min(0).nullable().optional().catch(null);
const limitsSchema = z.object(Object.fromEntries(LIMIT_KEYS.map((key) => [key, limitValue])) as Record<LimitKey, typeof limitValue>).catch({} as never);

/** A plan row as the limits code needs it. */
export interface PlanRow {
  code: string;
  name: string;
  limits: unknown;
  rank: number | null;
}

/** The plan's limits, every key present; anything missing or unreadable is "no limit". */
export function limitsOf(plan: Pick<PlanRow, 'limits'>): PlanLimits {
  const parsed = limitsSchema.parse(plan.limits ?? {});
  return Object.fromEntries(LIMIT_KEYS.map((key) => [key, parsed[key] ?? null])) as PlanLimits;
}

/** Bytes in one MB of storageMb. */
export const BYTES_PER_MB = 1024 * 1024;

/** A limit in the unit usage is counted in (bytes for storage). */
export function limitInCountedUnit(key: CountedKey, limit: number): number {
  return key === 'storageMb' ? limit * BYTES_PER_MB : limit;
}

/** A counted figure in the plan's unit (MB for storage, two decimals). */
export function inPlanUnit(key: LimitKey, counted: number): number {
  return key === 'storageMb' ? Math.round((counted / BYTES_PER_MB) * 100) / 100 : counted;
}

/**
 * The plan that lifts a limit: among the public plans (ranked), the next one up from `current` whose limit for
 * `key` is higher and, when `needed` is given, at least `needed` (a null limit, Enterprise's, always is).
 * Null when no public plan does.
 */
export function upgradeFor(current: PlanRow, catalogue: readonly PlanRow[], key: LimitKey, needed?: number): PlanRow | null {
  const currentLimit = limitsOf(current)[key];
  if (currentLimit === null) return null;
  const ranked = catalogue.filter((p) => p.rank !== null && p.code !== current.code).sort((a, b) => a.rank! - b.rank!);
  const above = current.rank === null ? ranked : ranked.filter((p) => p.rank! > current.rank!);
  return (
    above.find((plan) => {
      const limit = limitsOf(plan)[key];
      return limit === null || (limit > currentLimit && (needed === undefined || limit >= needed));
    }) ?? null
  );
}

const count = (n: number) => n.toLocaleString('en-US');

/** How each limit reads in a sentence: what it allows, and what the next plan lets the store do. */
const WORDING: Record<LimitKey, { allows: (n: number) => string; upTo: (n: number) => string; unlimited: string }> = {
  products: {
    allows: (n) => `${count(n)} ${n === 1 ? 'product' : 'products'}`,
    upTo: (n) => `to have up to ${count(n)}`,
    unlimited: 'to have as many as you need',
  },
  ordersPerMonth: {
    allows: (n) => `${count(n)} ${n === 1 ? 'order' : 'orders'} a month`,
    upTo: (n) => `to take up to ${count(n)} a month`,
    unlimited: 'to take as many as you get',
  },
  staffUsers: {
    allows: (n) => `${count(n)} ${n === 1 ? 'team member' : 'team members'} (pending invitations included)`,
    upTo: (n) => `to have up to ${count(n)}`,
    unlimited: 'to have as many as you need',
  },
  mlAccounts: {
    allows: (n) => `${count(n)} Mercado Livre ${n === 1 ? 'account' : 'accounts'}`,
    upTo: (n) => `to connect up to ${count(n)}`,
    unlimited: 'to connect as many as you need',
  },
  storageMb: {
    allows: (n) => `${count(n)} MB of image storage`,
    upTo: (n) => `to store up to ${count(n)} MB`,
    unlimited: 'to store as much as you need',
  },
  apiRatePerMinute: {
    allows: (n) => `${count(n)} API ${n === 1 ? 'request' : 'requests'} a minute`,
    upTo: (n) => `for up to ${count(n)} a minute`,
    unlimited: 'for as many as you need',
  },
};

/**
 * "Your Free plan allows 1 Mercado Livre account. Upgrade to Basic to connect up to 3." — the limit, the current
 * plan and the plan that lifts it (or where to turn when no public plan does).
 */
export function limitSentence(key: LimitKey, plan: PlanRow, limit: number, upgrade: PlanRow | null): string {
  const wording = WORDING[key];
  const first = `Your ${plan.name} plan allows ${wording.allows(limit)}.`;
  if (!upgrade) return `${first} Contact us about a custom plan to go beyond it.`;
  const next = limitsOf(upgrade)[key];
  return `${first} Upgrade to ${upgrade.name} ${next === null ? wording.unlimited : wording.upTo(next)}.`;
}
