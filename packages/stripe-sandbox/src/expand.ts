import type { SandboxCore } from './core.ts';
import { invalidRequest } from './errors.ts';
import type { Params } from './params.ts';

/** Fields holding an id that `expand[]` may replace with the object, and where to find it. */
const EXPANDABLE: Record<string, (core: SandboxCore, id: string) => unknown> = {
  payment_intent: (core, id) => core.paymentIntents.get(id),
  customer: (core, id) => core.customers.get(id),
  latest_charge: (core, id) => core.charges.get(id),
  charge: (core, id) => core.charges.get(id),
  latest_invoice: (core, id) => core.invoices.get(id),
  subscription: (core, id) => core.subscriptions.get(id),
};

/** The `expand` parameter (`expand[0]=payment_intent`, `expand[]=data.customer` on lists). */
export function expandPaths(params: Params): string[] {
  const raw = params.raw.expand;
  if (raw === undefined || raw === '') return [];
  const values = Array.isArray(raw) ? raw : [raw];
  return values.map((value) => {
    if (typeof value !== 'string') throw invalidRequest('Invalid array: expand must be an array of strings.', { param: 'expand' });
    return value;
  });
}

function expandOne(core: SandboxCore, target: Record<string, unknown>, path: string[]): void {
  const [field, ...rest] = path;
  if (!field) return;
  if (field === 'data' && Array.isArray(target.data)) {
    for (const item of target.data as Record<string, unknown>[]) expandOne(core, item, rest);
    return;
  }
  const value = target[field];
  if (typeof value === 'string') {
    const lookup = EXPANDABLE[field];
    if (!lookup) throw invalidRequest(`This property cannot be expanded (${field}).`, { param: 'expand' });
    const object = lookup(core, value);
    if (object) target[field] = structuredClone(object);
  }
  const next = target[field];
  if (rest.length > 0 && next && typeof next === 'object') expandOne(core, next as Record<string, unknown>, rest);
}

/** A copy of `object` with the requested ids expanded (the stored object is never changed). */
export function expanded<T>(core: SandboxCore, object: T, paths: string[]): T {
  const copy = structuredClone(object) as Record<string, unknown>;
  for (const path of paths) expandOne(core, copy, path.split('.'));
  return copy as T;
}
