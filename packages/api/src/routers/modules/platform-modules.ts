import { audit, staffActor } from '../../audit.ts';
import { notFound } from '../../errors.ts';
import { modulesOfTenant } from '../../modules/access.ts';
import type { AuthedContext } from '../../trpc.ts';
import type { StoreBySlugInput, TenantModuleInput } from './inputs.ts';

/**
 * The platform's side: a store's modules and staff's overrides. The override rows are the store's own (RLS), so
 * staff reach them through forTenant(store); each change is in the store's audit log, naming the staff member.
 */
const storeSelect = { id: true, slug: true, name: true, planCode: true, status: true, plan: { select: { name: true } } } as const;

async function storeView(ctx: AuthedContext, store: { id: string; slug: string; name: string; planCode: string; status: string; plan: { name: string } }) {
  const tdb = await ctx.db.forTenant(store.id);
  const modules = await modulesOfTenant(ctx.db, tdb, store);
  return { store: { id: store.id, slug: store.slug, name: store.name, status: store.status, planCode: store.planCode, planName: store.plan.name }, modules };
}

export async function storeModulesBySlug(ctx: AuthedContext, input: StoreBySlugInput) {
  const store = await ctx.db.platform.tenant.findUnique({ where: { slug: input.slug }, select: storeSelect });
  if (!store) throw notFound(`There is no store at the address “${input.slug}”.`);
  return storeView(ctx, store);
}

export async function setTenantModule(ctx: AuthedContext, input: TenantModuleInput) {
  const store = await ctx.db.platform.tenant.findUnique({ where: { id: input.tenantId }, select: storeSelect });
  if (!store) throw notFound('There is no such store.');
  const tdb = await ctx.db.forTenant(store.id);
  await tdb.$scoped(async (tx) => {
    const key = { tenantId_moduleCode: { tenantId: store.id, moduleCode: input.module } };
    const before = await tx.tenantModuleOverride.findUnique({ where: key });
    if (input.state === 'plan') {
      if (before) await tx.tenantModuleOverride.delete({ where: key });
    } else {
      const data = { enabled: input.state === 'on', reason: input.reason, setByUserId: ctx.user.id };
      await tx.tenantModuleOverride.upsert({ where: key, create: { tenantId: store.id, moduleCode: input.module, ...data }, update: data });
    }
    await audit(tx, staffActor(ctx), {
      tenantId: store.id,
      action: input.state === 'plan' ? 'module.override_removed' : input.state === 'on' ? 'module.switched_on' : 'module.switched_off',
      targetType: 'module',
      targetId: input.module,
      data: { reason: input.reason, before: before ? { enabled: before.enabled, reason: before.reason } : null },
    });
  });
  ctx.log.info({ tenantId: store.id, module: input.module, state: input.state }, 'module override set by platform staff');
  return storeView(ctx, store);
}
