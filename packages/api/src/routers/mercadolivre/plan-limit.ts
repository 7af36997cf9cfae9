import { z } from 'zod';
import type { Database, Prisma } from '@vitrine/db';
import { forbidden } from '../../errors.ts';
import type { ActiveTenant } from '../../trpc.ts';

const limitsSchema = z.looseObject({ mlAccounts: z.number().int().min(0).nullable().optional() });

export interface MlAccountLimit {
  /** null: unlimited. */
  max: number | null;
  planName: string;
}

/** The plan's `limits.mlAccounts` (a missing or null limit is unlimited). */
export async function mlAccountLimit(db: Database, tenant: Pick<ActiveTenant, 'planCode'>): Promise<MlAccountLimit> {
  const plan = await db.platform.plan.findUnique({ where: { code: tenant.planCode }, select: { name: true, limits: true } });
  const parsed = limitsSchema.safeParse(plan?.limits ?? {});
  return { max: parsed.success ? (parsed.data.mlAccounts ?? null) : null, planName: plan?.name ?? tenant.planCode };
}

export function limitReached(limit: MlAccountLimit): Error {
  const accounts = limit.max === 1 ? 'Mercado Livre account' : 'Mercado Livre accounts';
  return forbidden(
    `Your ${limit.planName} plan allows ${limit.max} connected ${accounts}. Disconnect one or upgrade your plan to connect another.`,
  );
}

/** Connected (not DISCONNECTED) accounts, the figure the limit counts. */
export interface AccountCounter {
  mlAccount: { count(args: { where: Prisma.MlAccountWhereInput }): PromiseLike<number> };
}

export async function assertBelowLimit(tdb: AccountCounter, limit: MlAccountLimit): Promise<void> {
  if (limit.max === null) return;
  const connected = await tdb.mlAccount.count({ where: { status: { not: 'DISCONNECTED' } } });
  if (connected >= limit.max) throw limitReached(limit);
}
