import { fieldRefusal } from './field-refusal.ts';
import type { PartnerTransaction } from './scope.ts';

/** A refusal about the plan, beside the plan field. */
const planRefusal = (message: string) => fieldRefusal('planCode', message);

/**
 * The plan a partner may put a client on: it must be in the partner's allowed list (set by platform staff) and
 * exist. Anything else is refused with a sentence naming the plans it may use.
 */
export async function assertPlanAllowed(tx: PartnerTransaction, allowedPlanCodes: readonly string[], planCode: string) {
  if (!allowedPlanCodes.includes(planCode)) {
    const allowed = allowedPlanCodes.length ? allowedPlanCodes.join(', ') : 'none yet — ask Vitrine to allow some';
    throw planRefusal(`The plan "${planCode}" is not one your partnership may offer. Choose one of: ${allowed}.`);
  }
  const plan = await tx.plan.findUnique({ where: { code: planCode }, select: { code: true, name: true, trialDays: true } });
  if (!plan) throw planRefusal(`There is no plan "${planCode}" any more. Choose another one.`);
  return plan;
}
