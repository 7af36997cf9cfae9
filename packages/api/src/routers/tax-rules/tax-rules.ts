import type { TaxRule } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { conflict, isUniqueViolation, notFound } from '../../errors.ts';
import type { TenantContext } from '../../trpc.ts';
import type { TaxRuleIdInput, UpsertTaxRuleInput } from './inputs.ts';

const NOT_FOUND = 'This tax rule does not exist in this store.';

const view = (r: TaxRule) => ({
  id: r.id,
  name: r.name,
  country: r.country,
  region: r.region,
  rateBasisPoints: r.rateBasisPoints,
  appliesToShipping: r.appliesToShipping,
  updatedAt: r.updatedAt,
});

const auditData = (r: TaxRule) => ({ name: r.name, country: r.country, region: r.region, rateBasisPoints: r.rateBasisPoints, appliesToShipping: r.appliesToShipping });

/** The store's tax rules by country, the whole-country rule before its regions. */
export async function listTaxRules(ctx: TenantContext) {
  const rows = await ctx.tdb.taxRule.findMany({ orderBy: [{ country: 'asc' }, { region: { sort: 'asc', nulls: 'first' } }] });
  return rows.map(view);
}

/** Creates a rule, or changes the one with `id`; one rule per country and region. */
export async function upsertTaxRule(ctx: TenantContext, input: UpsertTaxRuleInput) {
  const { id, ...data } = input;
  try {
    return await ctx.tdb.$scoped(async (tx) => {
      if (id && !(await tx.taxRule.findFirst({ where: { id }, select: { id: true } }))) throw notFound(NOT_FOUND);
      const rule = id ? await tx.taxRule.update({ where: { id }, data }) : await tx.taxRule.create({ data: { tenantId: ctx.tenant.id, ...data } });
      await audit(tx, memberActor(ctx), { tenantId: ctx.tenant.id, action: 'tax_rule.saved', targetType: 'tax_rule', targetId: rule.id, data: auditData(rule) });
      return view(rule);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const where = input.region ? `${input.country}-${input.region}` : `${input.country} (whole country)`;
      throw conflict(`There is a tax rule for ${where} already; change that one instead.`);
    }
    throw error;
  }
}

export async function deleteTaxRule(ctx: TenantContext, input: TaxRuleIdInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const rule = await tx.taxRule.findFirst({ where: { id: input.id } });
    if (!rule) throw notFound(NOT_FOUND);
    await tx.taxRule.delete({ where: { id: rule.id } });
    await audit(tx, memberActor(ctx), { tenantId: ctx.tenant.id, action: 'tax_rule.deleted', targetType: 'tax_rule', targetId: rule.id, data: auditData(rule) });
    return { deleted: rule.id };
  });
}
