import type { Database } from '@vitrine/db';
import { lockSubscriptionRow } from './apply.ts';
import { recordBillingChanges } from './notify.ts';

/**
 * The worker's sweep (every 15 minutes): every PAST_DUE store whose grace period has ended becomes RESTRICTED
 * (its admin read-only, its storefront still selling), audited and emailed to its owners. Each store in its own
 * transaction, re-checked under its lock, so a payment that lands meanwhile wins and a second sweep changes
 * nothing. Returns the stores restricted.
 */
export async function restrictExpiredGracePeriods(db: Database, options: { now?: Date; appUrl?: string | null; runId?: string } = {}): Promise<string[]> {
  const now = options.now ?? new Date();
  const due = await db.platform.tenantSubscription.findMany({
    where: { graceEndsAt: { lte: now }, restrictedAt: null, tenant: { billingStatus: 'PAST_DUE' } },
    select: { tenantId: true },
    orderBy: { graceEndsAt: 'asc' },
    take: 500,
  });
  const restricted: string[] = [];
  for (const { tenantId } of due) {
    const done = await db.platform.$transaction(async (tx) => {
      const row = await lockSubscriptionRow(tx, tenantId);
      const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true, name: true, locale: true, billingStatus: true } });
      if (!row || !tenant || tenant.billingStatus !== 'PAST_DUE' || !row.graceEndsAt || row.graceEndsAt > now || row.restrictedAt) return false;
      await tx.tenant.update({ where: { id: tenantId }, data: { billingStatus: 'RESTRICTED' } });
      await tx.tenantSubscription.update({ where: { id: row.id }, data: { restrictedAt: now, version: { increment: 1 } } });
      await recordBillingChanges(tx, tenant, [{ kind: 'restricted' }], { requestId: options.runId ?? `billing-grace:${now.toISOString()}`, ip: null }, options.appUrl ?? process.env.APP_URL ?? null);
      return true;
    });
    if (done) restricted.push(tenantId);
  }
  return restricted;
}
