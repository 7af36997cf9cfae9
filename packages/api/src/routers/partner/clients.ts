import type { Prisma } from '@vitrine/db';
import { notFound } from '../../errors.ts';
import { afterCursor, decodeCursor, pageOf } from '../../lib/keyset.ts';
import { countUsage } from '../../plans/index.ts';
import type { PartnerContext } from '../../partners/procedure.ts';
import { withPartner } from '../../partners/scope.ts';
import type { ClientIdInput, ListClientsInput } from './inputs.ts';

/** Not this partner's store and no store at all get the same answer. */
export const CLIENT_NOT_FOUND = 'There is no store with this id among your clients.';

const CLIENT_SELECT = {
  id: true,
  slug: true,
  name: true,
  status: true,
  billingStatus: true,
  planCode: true,
  suspendedReason: true,
  trialEndsAt: true,
  createdAt: true,
  plan: { select: { name: true } },
  domains: { where: { isPrimary: true }, select: { hostname: true }, take: 1 },
} as const;

type ClientRow = Prisma.TenantGetPayload<{ select: typeof CLIENT_SELECT }>;

function publicClient({ domains, plan, ...t }: ClientRow) {
  return { ...t, planName: plan.name, primaryHostname: domains[0]?.hostname ?? null };
}

/** The partner, with the plans it may put clients on (code and name, in catalogue order). */
export async function describePartner(ctx: PartnerContext) {
  const plans = await ctx.db.platform.plan.findMany({
    where: { code: { in: ctx.partner.allowedPlanCodes } },
    orderBy: [{ rank: { sort: 'asc', nulls: 'last' } }, { code: 'asc' }],
    select: { code: true, name: true, priceAmount: true, currency: true },
  });
  return { id: ctx.partner.id, name: ctx.partner.name, productName: ctx.partner.productName, role: ctx.partnerRole, plans };
}

/**
 * The partner's stores, newest first, with search (name or address), status and plan filters, and each store's
 * usage (products, orders this month, team seats). Only its own: filtered by partner here and by RLS below.
 */
export async function listClients(ctx: PartnerContext, input: ListClientsInput) {
  const where: Prisma.TenantWhereInput = { partnerId: ctx.partner.id, AND: [afterCursor(decodeCursor(input.cursor))] };
  if (input.status) where.status = input.status;
  if (input.planCode) where.planCode = input.planCode;
  if (input.search) {
    where.OR = [
      { name: { contains: input.search, mode: 'insensitive' } },
      { slug: { contains: input.search.toLowerCase() } },
    ];
  }
  const rows = await withPartner(ctx.db.platform, ctx.partner.id, (tx) =>
    tx.tenant.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: input.limit + 1, select: CLIENT_SELECT }),
  );
  const page = pageOf(rows, input.limit);
  const items = [];
  // One store at a time: each usage read is a transaction scoped to that store (and may live in its own database).
  for (const row of page.items) items.push({ ...publicClient(row), usage: await usageSummary(ctx, row.id) });
  return { items, nextCursor: page.nextCursor };
}

/** One of the partner's stores; another partner's store or a direct client is NOT_FOUND. */
export async function getClient(ctx: PartnerContext, input: ClientIdInput) {
  const row = await withPartner(ctx.db.platform, ctx.partner.id, (tx) =>
    tx.tenant.findFirst({ where: { id: input.tenantId, partnerId: ctx.partner.id }, select: CLIENT_SELECT }),
  );
  if (!row) throw notFound(CLIENT_NOT_FOUND);
  return { ...publicClient(row), usage: await usageSummary(ctx, row.id) };
}

/** Products, orders this month and team seats (members + pending invitations), counted inside the store. */
async function usageSummary(ctx: PartnerContext, tenantId: string) {
  const tdb = await ctx.db.forTenant(tenantId);
  return tdb.$scoped(async (tx) => ({
    products: await countUsage(tx, tenantId, 'products'),
    ordersThisMonth: await countUsage(tx, tenantId, 'ordersPerMonth'),
    teamSeats: await countUsage(tx, tenantId, 'staffUsers'),
  }));
}
