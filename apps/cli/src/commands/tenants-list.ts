import { parse } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { Services } from '../services.ts';

export const help = `vitrine-admin tenants:list [--status TRIAL|ACTIVE|SUSPENDED|CANCELLED] [--plan <code>] [--json] [--as <admin email>]

Every store, newest first (the platform admin's list, platform.tenants.list), as a table or as JSON.`;

const STATUSES = ['TRIAL', 'ACTIVE', 'SUSPENDED', 'CANCELLED'] as const;

export async function tenantsList(args: string[], services: Services): Promise<number> {
  const { values } = parse(args, { status: { type: 'string' }, plan: { type: 'string' }, json: { type: 'boolean' }, as: { type: 'string' } }, { min: 0, max: 0, names: '' });
  const status = values.status?.toUpperCase();
  if (status && !(STATUSES as readonly string[]).includes(status)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}.`);
  const caller = services.callerAs(await services.operator(values.as));
  const items = [];
  let cursor: string | undefined;
  do {
    const page = await caller.platform.tenants.list({ limit: 100, ...(status ? { status: status as (typeof STATUSES)[number] } : {}), ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const tenants = values.plan ? items.filter((t) => t.planCode === values.plan) : items;

  if (values.json) {
    console.log(JSON.stringify(tenants, null, 2));
    return 0;
  }
  const header = ['slug', 'name', 'status', 'plan', 'billing', 'database', 'created', 'address'];
  const rows = tenants.map((t) => [
    t.slug, t.name, t.status, t.planCode, t.billingStatus, t.dedicated ? 'dedicated' : 'pooled', t.createdAt.toISOString().slice(0, 10), t.primaryHostname ?? '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
  console.log(`${tenants.length} store(s)`);
  return 0;
}
