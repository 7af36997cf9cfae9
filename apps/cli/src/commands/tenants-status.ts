import { parse, required } from '../args.ts';
import { tenantBySlug, type Services } from '../services.ts';

export const suspendHelp = `vitrine-admin tenants:suspend <slug> --reason <why> [--as <admin email>]

Suspends a store (platform.tenants.suspend): its storefront answers 403 and its admins are refused until it
is reactivated. Audited as the platform administrator --as (or VITRINE_OPERATOR_EMAIL).`;

export const reactivateHelp = `vitrine-admin tenants:reactivate <slug> [--note <text>] [--as <admin email>]

Reactivates a suspended store (platform.tenants.reactivate): back to the status it had before.`;

export async function tenantsSuspend(args: string[], services: Services): Promise<number> {
  const { values, positionals } = parse(args, { reason: { type: 'string' }, as: { type: 'string' } }, { min: 1, max: 1, names: 'the store address (slug)' });
  const reason = required(values, 'reason');
  const tenant = await tenantBySlug(services.db, positionals[0]!);
  const caller = services.callerAs(await services.operator(values.as));
  const result = await caller.platform.tenants.suspend({ tenantId: tenant.id, reason });
  console.log(`Suspended ${result.slug} (${result.name}): ${result.suspendedReason}`);
  return 0;
}

export async function tenantsReactivate(args: string[], services: Services): Promise<number> {
  const { values, positionals } = parse(args, { note: { type: 'string' }, as: { type: 'string' } }, { min: 1, max: 1, names: 'the store address (slug)' });
  const tenant = await tenantBySlug(services.db, positionals[0]!);
  const caller = services.callerAs(await services.operator(values.as));
  const result = await caller.platform.tenants.reactivate({ tenantId: tenant.id, ...(values.note ? { note: values.note } : {}) });
  console.log(`Reactivated ${result.slug} (${result.name}): now ${result.status}`);
  return 0;
}
