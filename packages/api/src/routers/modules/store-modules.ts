import { TRPCError } from '@trpc/server';
import { audit, memberActor } from '../../audit.ts';
import { notFound } from '../../errors.ts';
import { modulesOfTenant, switchedOffFor } from '../../modules/access.ts';
import type { AuthedContext, TenantContext } from '../../trpc.ts';
import type { MemberModuleInput } from './inputs.ts';

const NO_ACCESS = 'You do not have access to this store.';

/**
 * The modules the signed-in member has in the active store (the admin's navigation and module pages ask this).
 * Any member may ask; a non-member gets the same answer as for a store that does not exist.
 */
export async function myModules(ctx: AuthedContext) {
  const tenantId = ctx.activeTenantId;
  if (!tenantId) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Choose a store to work on first.' });
  const tenant = await ctx.db.platform.tenant.findUnique({ where: { id: tenantId }, select: { id: true, planCode: true } });
  if (!tenant) throw new TRPCError({ code: 'FORBIDDEN', message: NO_ACCESS });
  const tdb = await ctx.db.forTenant(tenantId);
  const membership = await tdb.membership.findFirst({ where: { userId: ctx.user.id }, select: { role: true } });
  if (!membership) throw new TRPCError({ code: 'FORBIDDEN', message: NO_ACCESS });
  const [modules, off] = await Promise.all([modulesOfTenant(ctx.db, tdb, tenant), membership.role === 'STAFF' ? switchedOffFor(tdb, ctx.user.id) : new Set<string>()]);
  return modules.map((m) => ({
    code: m.code,
    name: m.name,
    description: m.description,
    /** On for the store. */
    storeEnabled: m.enabled,
    /** Platform staff set it for the store (else the plan decides). */
    storeOverridden: m.override !== null,
    /** Switched off for this member by an owner or admin. */
    switchedOffForMe: off.has(m.code),
    /** What the member may use. */
    enabled: m.enabled && !off.has(m.code),
  }));
}

/** The store's modules and, per STAFF member, the modules switched off for them (owners and admins). */
export async function storeModules(ctx: TenantContext) {
  const [modules, members, overrides] = await Promise.all([
    modulesOfTenant(ctx.db, ctx.tdb, ctx.tenant),
    ctx.tdb.membership.findMany({ orderBy: { createdAt: 'asc' }, select: { userId: true, role: true } }),
    ctx.tdb.memberModuleOverride.findMany({ select: { userId: true, moduleCode: true } }),
  ]);
  const users = await ctx.db.platform.user.findMany({ where: { id: { in: members.map((m) => m.userId) } }, select: { id: true, email: true, name: true } });
  const userOf = new Map(users.map((u) => [u.id, u]));
  return {
    modules: modules.map((m) => ({ code: m.code, name: m.name, description: m.description, enabled: m.enabled, inPlan: m.inPlan, overridden: m.override !== null })),
    members: members.map((m) => ({
      userId: m.userId,
      email: userOf.get(m.userId)?.email ?? '',
      name: userOf.get(m.userId)?.name ?? null,
      role: m.role,
      switchedOff: overrides.filter((o) => o.userId === m.userId).map((o) => o.moduleCode),
    })),
  };
}

/** Switches a module off for a STAFF member, or back on; owners and admins always have the store's modules. */
export async function setMemberModule(ctx: TenantContext, input: MemberModuleInput) {
  const tenantId = ctx.tenant.id;
  return ctx.tdb.$scoped(async (tx) => {
    const member = await tx.membership.findFirst({ where: { userId: input.userId }, select: { role: true } });
    if (!member) throw notFound('There is no such member in this store.');
    if (member.role !== 'STAFF') {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'Owners and admins always have every module the store has; switch modules off for staff members only.' });
    }
    const key = { tenantId_userId_moduleCode: { tenantId, userId: input.userId, moduleCode: input.module } };
    const existing = await tx.memberModuleOverride.findUnique({ where: key });
    const changed = input.enabled ? existing !== null : existing === null;
    if (input.enabled && existing) await tx.memberModuleOverride.delete({ where: key });
    if (!input.enabled && !existing) {
      await tx.memberModuleOverride.create({ data: { tenantId, userId: input.userId, moduleCode: input.module, setByUserId: ctx.user.id } });
    }
    if (changed) {
      await audit(tx, memberActor(ctx), {
        tenantId,
        action: input.enabled ? 'module.member_switched_on' : 'module.member_switched_off',
        targetType: 'membership',
        targetId: input.userId,
        data: { module: input.module },
      });
    }
    return { userId: input.userId, module: input.module, enabled: input.enabled, changed };
  });
}
