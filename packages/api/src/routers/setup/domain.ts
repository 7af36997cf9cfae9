import { randomBytes } from 'node:crypto';
import { Prisma } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { badRequest, conflict, isUniqueViolation } from '../../errors.ts';
import type { TenantContext } from '../../trpc.ts';
import { markStep } from './progress.ts';

/** The TXT record that proves a custom domain is the store's: `_vitrine-verify.<hostname>`. */
export const VERIFY_RECORD_PREFIX = '_vitrine-verify';

/** The store's addresses: its subdomain (works at once) and custom domains with the DNS records to create. */
export async function storeDomains(ctx: TenantContext) {
  const platformDomain = ctx.tenantResolver.platformDomain;
  const subdomain = `${ctx.tenant.slug}.${platformDomain}`;
  const rows = await ctx.db.platform.domain.findMany({
    where: { tenantId: ctx.tenant.id },
    orderBy: [{ isPrimary: 'desc' }, { createdAt: 'asc' }],
    select: { id: true, hostname: true, kind: true, verification: true, verificationToken: true, verifiedAt: true },
  });
  return {
    subdomain,
    custom: rows
      .filter((d) => d.kind === 'CUSTOM')
      .map((d) => ({
        id: d.id,
        hostname: d.hostname,
        verification: d.verification,
        verifiedAt: d.verifiedAt,
        records: [
          { type: 'CNAME' as const, name: d.hostname, value: subdomain },
          { type: 'TXT' as const, name: `${VERIFY_RECORD_PREFIX}.${d.hostname}`, value: `vitrine-verify=${d.verificationToken ?? ''}` },
        ],
      })),
  };
}

/** Runs `fn` in a platform transaction that can also write the store's own rows (pooled stores). */
async function withStoreRows(ctx: TenantContext, fn: (tx: Prisma.TransactionClient, ownRows: boolean) => Promise<void>) {
  const tenantId = ctx.tenant.id;
  await ctx.db.platform.$transaction(async (tx) => {
    await tx.$executeRaw(Prisma.sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`);
    await fn(tx, !ctx.tenant.dedicated);
  });
}

/** Step 7: a custom domain, pending until its DNS records are found (checked by the domain automation). */
export async function addCustomDomain(ctx: TenantContext, hostname: string) {
  const tenantId = ctx.tenant.id;
  const platformDomain = ctx.tenantResolver.platformDomain;
  if (hostname === platformDomain || hostname.endsWith(`.${platformDomain}`)) {
    throw badRequest(`Addresses ending in ${platformDomain} are the platform's; enter a domain you own.`);
  }
  const inUse = () => conflict(`The domain ${hostname} is already connected to a store.`);
  if (await ctx.db.platform.domain.findUnique({ where: { hostname }, select: { id: true } })) throw inUse();
  const verificationToken = randomBytes(16).toString('hex');
  const entry = { tenantId, action: 'setup.domain_added', targetType: 'domain', data: { hostname } };
  await withStoreRows(ctx, async (tx, ownRows) => {
    const domain = await tx.domain.create({ data: { tenantId, hostname, kind: 'CUSTOM', verification: 'PENDING', verificationToken } });
    if (ownRows) {
      await audit(tx, memberActor(ctx), { ...entry, targetId: domain.id });
      await markStep(tx, tenantId, 'domain');
    }
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw inUse();
    throw error;
  });
  if (ctx.tenant.dedicated) {
    await ctx.tdb.$scoped(async (tx) => {
      await audit(tx, memberActor(ctx), entry);
      await markStep(tx, tenantId, 'domain');
    });
  }
  return storeDomains(ctx);
}

/** Step 7 without a custom domain: the subdomain is enough for now. */
export async function confirmDomainStep(ctx: TenantContext) {
  const tenantId = ctx.tenant.id;
  await ctx.tdb.$scoped(async (tx) => {
    await audit(tx, memberActor(ctx), { tenantId, action: 'setup.domain_confirmed', targetType: 'tenant', targetId: tenantId });
    await markStep(tx, tenantId, 'domain');
  });
  return storeDomains(ctx);
}
