import type { Prisma, PrismaClient } from '@vitrine/db';
import { platformAudit, staffActor } from '../../audit.ts';
import { isUniqueViolation, notFound } from '../../errors.ts';
import { fieldRefusal } from '../../partners/field-refusal.ts';
import { normalizeHost } from '../../tenancy/normalize-host.ts';
import type { AuthedContext } from '../../trpc.ts';
import type { PartnerFieldsInput, PartnerIdInput, UpdatePartnerInput } from './inputs.ts';

/** Platform staff managing partners; every change leaves a row in platform_audit_logs. */

export const PARTNER_NOT_FOUND = 'There is no partner with this id.';


const PARTNER_SELECT = {
  id: true, name: true, slug: true, productName: true, logoUrl: true, primaryColor: true, accentColor: true,
  supportEmail: true, adminDomain: true, allowedPlanCodes: true, defaultTenantBranding: true, createdAt: true, updatedAt: true,
} as const;

/** Every partner with its number of stores and members, by name. */
export async function listPartners(ctx: AuthedContext) {
  const partners = await ctx.db.platform.partner.findMany({
    orderBy: { name: 'asc' },
    select: { ...PARTNER_SELECT, _count: { select: { tenants: true, members: true } } },
  });
  return partners.map(({ _count, ...p }) => ({ ...p, tenantCount: _count.tenants, memberCount: _count.members }));
}

/** One partner with its members and the plans staff may allow. */
export async function getPartner(ctx: AuthedContext, input: PartnerIdInput) {
  const partner = await ctx.db.platform.partner.findUnique({
    where: { id: input.id },
    select: {
      ...PARTNER_SELECT,
      _count: { select: { tenants: true } },
      members: { orderBy: { createdAt: 'asc' }, select: { id: true, role: true, createdAt: true, user: { select: { email: true, name: true } } } },
    },
  });
  if (!partner) throw notFound(PARTNER_NOT_FOUND);
  const plans = await ctx.db.platform.plan.findMany({
    orderBy: [{ rank: { sort: 'asc', nulls: 'last' } }, { code: 'asc' }],
    select: { code: true, name: true },
  });
  const { _count, ...rest } = partner;
  return { ...rest, tenantCount: _count.tenants, plans };
}

/** Plans staff can offer a partner (for the create form). */
export function listPlans(ctx: AuthedContext) {
  return ctx.db.platform.plan.findMany({ orderBy: [{ rank: { sort: 'asc', nulls: 'last' } }, { code: 'asc' }], select: { code: true, name: true } });
}

/** Checks what the database cannot say in a sentence: plans that exist, an admin domain no store uses. */
async function checkFields(platform: PrismaClient | Prisma.TransactionClient, fields: PartnerFieldsInput, platformDomain: string) {
  if (fields.allowedPlanCodes.length) {
    const found = await platform.plan.findMany({ where: { code: { in: fields.allowedPlanCodes } }, select: { code: true } });
    const missing = fields.allowedPlanCodes.filter((code) => !found.some((p) => p.code === code));
    if (missing.length) throw fieldRefusal('allowedPlanCodes', `There is no plan ${missing.map((c) => `"${c}"`).join(', ')}.`);
  }
  if (fields.adminDomain) {
    if (normalizeHost(fields.adminDomain) === normalizeHost(platformDomain) || fields.adminDomain === `www.${platformDomain}`) {
      throw fieldRefusal('adminDomain', 'This is Vitrine’s own address; give the partner a domain of its own.');
    }
    const store = await platform.domain.findUnique({ where: { hostname: fields.adminDomain }, select: { id: true } });
    if (store) throw fieldRefusal('adminDomain', 'A store already uses this address. Choose another domain.');
  }
}

function dataOf(fields: PartnerFieldsInput) {
  const { defaultPrimaryColor, defaultAccentColor, ...rest } = fields;
  return { ...rest, defaultTenantBranding: { primaryColor: defaultPrimaryColor, accentColor: defaultAccentColor, logoUrl: fields.logoUrl } };
}

function uniqueRefusal(error: unknown): never {
  if (isUniqueViolation(error, 'slug')) throw fieldRefusal('slug', 'Another partner already uses this short name.');
  if (isUniqueViolation(error, 'admin_domain') || isUniqueViolation(error, 'adminDomain')) {
    throw fieldRefusal('adminDomain', 'Another partner already uses this admin domain.');
  }
  throw error;
}

export async function createPartner(ctx: AuthedContext, input: PartnerFieldsInput) {
  await checkFields(ctx.db.platform, input, ctx.tenantResolver.platformDomain);
  return ctx.db.platform
    .$transaction(async (tx) => {
      const partner = await tx.partner.create({ data: dataOf(input), select: PARTNER_SELECT });
      await platformAudit(tx, staffActor(ctx), {
        action: 'partner.created',
        targetType: 'partner',
        targetId: partner.id,
        data: { slug: partner.slug, name: partner.name, adminDomain: partner.adminDomain, allowedPlanCodes: partner.allowedPlanCodes },
      });
      return partner;
    })
    .catch(uniqueRefusal);
}

export async function updatePartner(ctx: AuthedContext, input: UpdatePartnerInput) {
  const { id, ...fields } = input;
  await checkFields(ctx.db.platform, fields, ctx.tenantResolver.platformDomain);
  return ctx.db.platform
    .$transaction(async (tx) => {
      const current = await tx.partner.findUnique({ where: { id }, select: PARTNER_SELECT });
      if (!current) throw notFound(PARTNER_NOT_FOUND);
      const partner = await tx.partner.update({ where: { id }, data: dataOf(fields), select: PARTNER_SELECT });
      const changed = (Object.keys(PARTNER_SELECT) as (keyof typeof PARTNER_SELECT)[]).filter(
        (key) => key !== 'updatedAt' && JSON.stringify(current[key]) !== JSON.stringify(partner[key]),
      );
      await platformAudit(tx, staffActor(ctx), {
        action: 'partner.updated',
        targetType: 'partner',
        targetId: id,
        data: { changed, adminDomain: partner.adminDomain, allowedPlanCodes: partner.allowedPlanCodes },
      });
      return partner;
    })
    .catch(uniqueRefusal);
}
