import type { Prisma } from '@vitrine/db';
import { afterCursor, decodeCursor, pageOf } from '../../lib/keyset.ts';
import type { AuthedContext } from '../../trpc.ts';
import type { ListTenantsInput } from './inputs.ts';

/** Every store on the platform, newest first, with search by name or address and filters by status, plan and partner. */
export async function listTenants(ctx: AuthedContext, input: ListTenantsInput) {
  const where: Prisma.TenantWhereInput = { AND: [afterCursor(decodeCursor(input.cursor))] };
  if (input.status) where.status = input.status;
  if (input.plan) where.planCode = input.plan;
  if (input.partnerId) where.partnerId = input.partnerId === 'none' ? null : input.partnerId;
  if (input.search) {
    where.OR = [
      { name: { contains: input.search, mode: 'insensitive' } },
      { slug: { contains: input.search.toLowerCase() } },
    ];
  }
  const rows = await ctx.db.platform.tenant.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: {
      id: true,
      slug: true,
      name: true,
      status: true,
      billingStatus: true,
      planCode: true,
      partner: { select: { id: true, name: true } },
      suspendedReason: true,
      trialEndsAt: true,
      createdAt: true,
      databaseUrlEnc: true,
      domains: { where: { isPrimary: true }, select: { hostname: true }, take: 1 },
    },
  });
  const page = pageOf(rows, input.limit);
  return {
    items: page.items.map(({ databaseUrlEnc, domains, ...t }) => ({
      ...t,
      dedicated: databaseUrlEnc !== null,
      primaryHostname: domains[0]?.hostname ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}

/** What the list's filters offer: every plan and every partner. */
export async function tenantFilters(ctx: AuthedContext) {
  const [plans, partners] = await Promise.all([
    ctx.db.platform.plan.findMany({ orderBy: [{ rank: { sort: 'asc', nulls: 'last' } }, { code: 'asc' }], select: { code: true, name: true } }),
    ctx.db.platform.partner.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  return { plans, partners };
}
