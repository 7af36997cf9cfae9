import { Prisma } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { conflict, isUniqueViolation } from '../../errors.ts';
import { brandingOf } from '../../tenancy/tenant-summary.ts';
import type { AuthedContext, TenantContext } from '../../trpc.ts';
import { storeSlugProblem } from '../tenant/slug.ts';
import type { IdentityInput } from './inputs.ts';
import { markStep } from './progress.ts';

/**
 * Whether a store address can be used, for the live check while typing. The caller's own store keeps its
 * address available to itself.
 */
export async function slugAvailability(ctx: AuthedContext, slug: string) {
  const problem = storeSlugProblem(slug);
  if (problem) return { slug, available: false, problem };
  const owner = await ctx.db.platform.tenant.findUnique({ where: { slug }, select: { id: true } });
  if (owner && owner.id !== ctx.activeTenantId) {
    return { slug, available: false, problem: `The store address "${slug}" is already taken. Choose another one.` };
  }
  return { slug, available: true, problem: null };
}

const taken = (slug: string) => conflict(`The store address "${slug}" is already taken. Choose another one.`);

/**
 * Step 1: the store's name, address, logo and colours. A new address moves the store's subdomain with it
 * (the old address stops answering at once: every cache of it is dropped).
 */
export async function saveIdentity(ctx: TenantContext, input: IdentityInput) {
  const tenantId = ctx.tenant.id;
  const oldHostname = `${ctx.tenant.slug}.${ctx.tenantResolver.platformDomain}`;
  const newHostname = `${input.slug}.${ctx.tenantResolver.platformDomain}`;
  const slugChanged = input.slug !== ctx.tenant.slug;
  if (slugChanged) {
    const owner = await ctx.db.platform.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (owner) throw taken(input.slug);
  }
  const branding = {
    ...brandingOf(ctx.tenant.branding),
    logoUrl: input.logoUrl === undefined ? (brandingOf(ctx.tenant.branding).logoUrl ?? null) : input.logoUrl,
    primaryColor: input.primaryColor,
    accentColor: input.accentColor,
  };
  const record = async (tx: Parameters<typeof markStep>[0] & Parameters<typeof audit>[0]) => {
    await audit(tx, memberActor(ctx), {
      tenantId,
      action: 'setup.identity_saved',
      targetType: 'tenant',
      targetId: tenantId,
      data: { name: input.name, slug: input.slug, previousSlug: slugChanged ? ctx.tenant.slug : null, branding },
    });
    await markStep(tx, tenantId, 'identity');
  };

  await ctx.db.platform
    .$transaction(async (tx) => {
      // Pooled stores keep their rows here: with app.tenant_id set, the audit row and progress join this transaction.
      await tx.$executeRaw(Prisma.sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`);
      await tx.tenant.update({ where: { id: tenantId }, data: { name: input.name, slug: input.slug, branding } });
      if (slugChanged) {
        await tx.domain.updateMany({ where: { tenantId, kind: 'SUBDOMAIN', hostname: oldHostname }, data: { hostname: newHostname } });
      }
      if (!ctx.tenant.dedicated) await record(tx);
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw taken(input.slug);
      throw error;
    });
  if (ctx.tenant.dedicated) {
    // A dedicated store keeps its audit log and progress in its own database.
    await ctx.tdb.$scoped((tx) => record(tx));
  }
  await ctx.tenantResolver.invalidateTenant(tenantId, [oldHostname, newHostname]);
  return { name: input.name, slug: input.slug, hostname: newHostname, branding };
}
