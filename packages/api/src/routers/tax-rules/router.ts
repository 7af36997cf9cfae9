import { router, tenantProcedure } from '../../trpc.ts';
import { taxRuleIdInput, upsertTaxRuleInput } from './inputs.ts';
import { deleteTaxRule, listTaxRules, upsertTaxRule } from './tax-rules.ts';

/** Sales tax rates by country and region (permission `settings`); checkout picks the rule of the shipping address. */
export const taxRulesRouter = router({
  list: tenantProcedure('settings:read').query(({ ctx }) => listTaxRules(ctx)),
  upsert: tenantProcedure('settings:write').input(upsertTaxRuleInput).mutation(({ ctx, input }) => upsertTaxRule(ctx, input)),
  delete: tenantProcedure('settings:write').input(taxRuleIdInput).mutation(({ ctx, input }) => deleteTaxRule(ctx, input)),
});
