import { TRPCError } from '@trpc/server';
import type { Database, TenantDb } from '@vitrine/db';
import type { ModuleCode } from './catalogue.ts';

/** Why a module is on or off for a store: the platform's override when there is one, else the plan. */
export interface TenantModule {
  code: string;
  name: string;
  description: string;
  inPlan: boolean;
  override: { enabled: boolean; reason: string; updatedAt: Date } | null;
  /** On for the store. */
  enabled: boolean;
}

interface StoreRef {
  id: string;
  planCode: string;
}

/** Every module of the catalogue with its state for the store (plan from the platform database, overrides from the store's). */
export async function modulesOfTenant(db: Database, tdb: TenantDb, tenant: StoreRef): Promise<TenantModule[]> {
  const [modules, inPlan, overrides] = await Promise.all([
    db.platform.module.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    db.platform.planModule.findMany({ where: { planCode: tenant.planCode }, select: { moduleCode: true } }),
    tdb.tenantModuleOverride.findMany(),
  ]);
  const planned = new Set(inPlan.map((p) => p.moduleCode));
  const byCode = new Map(overrides.map((o) => [o.moduleCode, o]));
  return modules.map((m) => {
    const o = byCode.get(m.code);
    const override = o ? { enabled: o.enabled, reason: o.reason, updatedAt: o.updatedAt } : null;
    return { code: m.code, name: m.name, description: m.description, inPlan: planned.has(m.code), override, enabled: override ? override.enabled : planned.has(m.code) };
  });
}

/**
 * Whether a module is on for a store, for what its buyers do (no member involved): the platform's override when
 * there is one, else the store's plan.
 */
export async function storeModuleOn(db: Database, tdb: TenantDb, tenantId: string, code: ModuleCode): Promise<boolean> {
  const [tenant, override] = await Promise.all([
    db.platform.tenant.findUnique({ where: { id: tenantId }, select: { planCode: true } }),
    tdb.tenantModuleOverride.findFirst({ where: { moduleCode: code }, select: { enabled: true } }),
  ]);
  if (override) return override.enabled;
  if (!tenant) return false;
  return (await db.platform.planModule.findUnique({ where: { planCode_moduleCode: { planCode: tenant.planCode, moduleCode: code } } })) !== null;
}

/** The modules switched off for one member (only STAFF members are ever switched off). */
export async function switchedOffFor(tdb: TenantDb, userId: string): Promise<Set<string>> {
  const rows = await tdb.memberModuleOverride.findMany({ where: { userId }, select: { moduleCode: true } });
  return new Set(rows.map((r) => r.moduleCode));
}

export type ModuleRefusal = 'plan' | 'store' | 'member';

/** The sentence a person reads when a module is refused, naming the module. */
export function moduleRefusalSentence(name: string, why: ModuleRefusal, planName?: string): string {
  switch (why) {
    case 'plan':
      return `The ${name} module is not available on your plan${planName ? ` (${planName})` : ''}. Upgrade your plan or contact support to use it.`;
    case 'store':
      return `The ${name} module is switched off for this store. Contact support to turn it on.`;
    case 'member':
      return `The ${name} module is switched off for you in this store. Ask an owner or admin to turn it on.`;
  }
}

interface ModuleCheckContext {
  db: Database;
  tdb: TenantDb;
  tenant: StoreRef;
  membership: { role: string; userId: string };
}

/**
 * Refuses (FORBIDDEN, naming the module) unless the module is on for the store and, for a STAFF member, not
 * switched off for them. Owners and admins are never switched off: they set the switches.
 */
export async function assertModuleOn(ctx: ModuleCheckContext, code: ModuleCode): Promise<void> {
  const { db, tdb, tenant, membership } = ctx;
  const [module, inPlan, [override, memberOff]] = await Promise.all([
    db.platform.module.findUnique({ where: { code } }),
    db.platform.planModule.findUnique({ where: { planCode_moduleCode: { planCode: tenant.planCode, moduleCode: code } } }),
    tdb.$scoped((tx) =>
      Promise.all([
        tx.tenantModuleOverride.findFirst({ where: { moduleCode: code } }),
        membership.role === 'STAFF' ? tx.memberModuleOverride.findFirst({ where: { userId: membership.userId, moduleCode: code } }) : null,
      ]),
    ),
  ]);
  const name = module?.name ?? code;
  const enabled = override ? override.enabled : inPlan !== null;
  if (!enabled) {
    const why: ModuleRefusal = override ? 'store' : 'plan';
    const plan = why === 'plan' ? await db.platform.plan.findUnique({ where: { code: tenant.planCode }, select: { name: true } }) : null;
    throw new TRPCError({ code: 'FORBIDDEN', message: moduleRefusalSentence(name, why, plan?.name) });
  }
  if (memberOff) throw new TRPCError({ code: 'FORBIDDEN', message: moduleRefusalSentence(name, 'member') });
}
