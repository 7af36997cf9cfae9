import { sendAnswer } from '@vitrine/mercadolivre/sync';
import { requireMl } from '../../mercadolivre/context.ts';
import type { JobProcessor } from '../types.ts';

/** Posts one answer to ML exactly once; refusals are stored on the answer for the seller to read. */
export const sendMlAnswer: JobProcessor<'mercadolivre', 'answer.send'> = async ({ tenantId, answerId }, ctx) => {
  const ml = requireMl(ctx);
  const tenantDb = await ctx.db.forTenant(tenantId);
  const result = await sendAnswer({
    tenantDb,
    answerId,
    clientFor: (account) => ml.clientFor(tenantDb, account),
    lastAttempt: ctx.attempt >= ctx.maxAttempts,
  });
  ctx.log.info({ answerId, ...result }, 'mercado livre answer');
  return result;
};
