import type { AuthedContext } from '../../trpc.ts';

/** The stores the user belongs to, for the tenant switcher (read through the user's own scope). */
export async function listMyTenants(ctx: AuthedContext) {
  const memberships = await ctx.db.forUser(ctx.user.id).membership.findMany({
    where: { userId: ctx.user.id },
    select: { role: true, permissions: true, tenant: { select: { id: true, slug: true, name: true, status: true, currency: true, locale: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return memberships
    .filter((m) => m.tenant.status !== 'CANCELLED')
    .map((m) => ({ ...m.tenant, role: m.role, permissions: m.permissions }));
}
