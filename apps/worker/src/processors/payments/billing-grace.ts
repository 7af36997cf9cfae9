import { restrictExpiredGracePeriods } from '@vitrine/api';
import type { JobProcessor } from '../types.ts';

/**
 * Billing dunning (schedule 'billing-grace-every-15-min'): every PAST_DUE store whose grace period ended unpaid
 * becomes RESTRICTED (admin read-only; the owners are emailed). Idempotent: a second run finds nothing to do.
 */
export const expireBillingGracePeriods: JobProcessor<'payments', 'billing.grace-expire'> = async (_payload, ctx) => {
  const restricted = await restrictExpiredGracePeriods(ctx.db, { runId: `job:${ctx.jobId}` });
  if (restricted.length > 0) ctx.log.info({ restricted }, 'billing grace periods expired; stores restricted');
  return { restricted: restricted.length };
};
