import { COUNTED_KEYS, inPlanUnit, limitsOf } from '../../plans/limits.ts';
import { countUsage } from '../../plans/usage.ts';
import { notFound } from '../../errors.ts';
import type { AuthedContext } from '../../trpc.ts';

const RECENT = 20;

/**
 * One store as platform staff see it: plan and trial, usage against the plan's limits (the billing page's
 * counting code), domains, members with their roles, the Stripe subscription's state, the store's recent audit
 * entries, what platform staff did to it and its impersonation sessions.
 */
export async function tenantDetail(ctx: AuthedContext, tenantId: string) {
  const tenant = await ctx.db.platform.tenant.findUnique({
    where: { id: tenantId },
    select: {
      id: true,
      slug: true,
      name: true,
      status: true,
      billingStatus: true,
      suspendedReason: true,
      trialEndsAt: true,
      createdAt: true,
      databaseUrlEnc: true,
      plan: { select: { code: true, name: true, limits: true } },
      partner: { select: { id: true, name: true } },
      domains: { orderBy: [{ isPrimary: 'desc' }, { hostname: 'asc' }], select: { id: true, hostname: true, kind: true, verification: true, isPrimary: true } },
      subscription: { select: { status: true, interval: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, trialEnd: true, pastDueSince: true, graceEndsAt: true } },
    },
  });
  if (!tenant) throw notFound('There is no store with this id.');
  const { databaseUrlEnc, plan, ...rest } = tenant;

  const tdb = await ctx.db.forTenant(tenantId);
  const limits = limitsOf(plan);
  const { usage, members, auditEntries } = await tdb.$scoped(async (tx) => {
    const usage = [];
    for (const key of COUNTED_KEYS) usage.push({ key, used: inPlanUnit(key, await countUsage(tx, tenantId, key)), limit: limits[key] });
    const members = await tx.membership.findMany({
      where: { tenantId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, role: true, permissions: true, createdAt: true, user: { select: { email: true, name: true } } },
    });
    const auditEntries = await tx.auditLog.findMany({
      where: { tenantId },
      orderBy: { createdAt: 'desc' },
      take: RECENT,
      select: { id: true, action: true, actorUserId: true, actorPlatformUserId: true, impersonationGrantId: true, targetType: true, targetId: true, data: true, createdAt: true },
    });
    return { usage, members, auditEntries };
  });

  const [platformEntries, impersonations] = await Promise.all([
    ctx.db.platform.platformAuditLog.findMany({
      where: { targetType: 'tenant', targetId: tenantId },
      orderBy: { createdAt: 'desc' },
      take: RECENT,
      select: { id: true, action: true, actorUserId: true, data: true, createdAt: true },
    }),
    ctx.db.platform.impersonationGrant.findMany({ where: { tenantId }, orderBy: { startedAt: 'desc' }, take: 10 }),
  ]);
  const actorIds = [...new Set([...auditEntries.flatMap((e) => [e.actorUserId, e.actorPlatformUserId]), ...platformEntries.map((e) => e.actorUserId), ...impersonations.map((g) => g.staffUserId)])].filter(
    (id): id is string => id !== null,
  );
  const actors = await ctx.db.platform.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } });
  const emailOf = new Map(actors.map((a) => [a.id, a.email]));
  const email = (id: string | null) => (id ? (emailOf.get(id) ?? null) : null);

  return {
    ...rest,
    dedicated: databaseUrlEnc !== null,
    plan: { code: plan.code, name: plan.name },
    usage,
    members: members.map(({ user, ...m }) => ({ ...m, email: user.email, name: user.name })),
    auditEntries: auditEntries.map((e) => ({ ...e, actorEmail: email(e.actorUserId), platformActorEmail: email(e.actorPlatformUserId) })),
    platformEntries: platformEntries.map((e) => ({ ...e, actorEmail: email(e.actorUserId) })),
    impersonations: impersonations.map((g) => ({ ...g, staffEmail: email(g.staffUserId) })),
  };
}
