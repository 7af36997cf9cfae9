import { z } from 'zod';
import { Prisma } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { conflict, isUniqueViolation } from '../../errors.ts';
import { countrySchema, currencySchema, localeSchema } from '../../lib/schemas.ts';
import type { AuthedContext } from '../../trpc.ts';
import { storeSlugSchema } from './slug.ts';

export const createTenantInput = z.object({
  name: z.string().trim().min(2, 'Give the store a name of at least 2 characters').max(80, 'Use at most 80 characters for the name'),
  slug: storeSlugSchema,
  locale: localeSchema.optional(),
  currency: currencySchema.optional(),
  country: countrySchema.optional(),
});

export type CreateTenantInput = z.infer<typeof createTenantInput>;

const taken = (slug: string) => conflict(`The store address "${slug}" is already taken. Choose another one.`);

/**
 * A new store with its owner, its `{slug}.{PLATFORM_DOMAIN}` address (verified, primary), an unpublished
 * storefront and the audit row — all in one transaction on the platform database (new stores are pooled).
 */
export async function createTenant(ctx: AuthedContext, input: CreateTenantInput) {
  const hostname = `${input.slug}.${ctx.tenantResolver.platformDomain}`;
  const existing = await ctx.db.platform.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (existing) throw taken(input.slug);

  const tenant = await ctx.db.platform
    .$transaction(async (tx) => {
      const plan = await tx.plan.findUnique({ where: { code: 'free' }, select: { trialDays: true } });
      const trialDays = plan?.trialDays ?? 0;
      const created = await tx.tenant.create({
        data: {
          slug: input.slug,
          name: input.name,
          locale: input.locale,
          currency: input.currency,
          country: input.country,
          status: 'TRIAL',
          trialEndsAt: trialDays > 0 ? new Date(Date.now() + trialDays * 86_400_000) : null,
        },
      });
      // From here on the rows belong to the new tenant: row-level security checks them against this setting.
      await tx.$executeRaw(Prisma.sql`SELECT set_config('app.tenant_id', ${created.id}, true)`);
      await tx.domain.create({
        data: { tenantId: created.id, hostname, kind: 'SUBDOMAIN', verification: 'VERIFIED', verifiedAt: new Date(), isPrimary: true },
      });
      await tx.membership.create({ data: { tenantId: created.id, userId: ctx.user.id, role: 'OWNER' } });
      await tx.storefrontConfig.create({ data: { tenantId: created.id } });
      await audit(tx, memberActor(ctx), {
        tenantId: created.id,
        action: 'tenant.created',
        targetType: 'tenant',
        targetId: created.id,
        data: { slug: created.slug, name: created.name, hostname },
      });
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw taken(input.slug);
      throw error;
    });

  // Someone may have visited the address before it existed: drop that cached "no store here".
  await ctx.tenantResolver.invalidateTenant(tenant.id, [hostname]);
  ctx.log.info({ tenantId: tenant.id, slug: tenant.slug }, 'tenant created');
  return { id: tenant.id, slug: tenant.slug, name: tenant.name, status: tenant.status, hostname };
}
