import { z } from 'zod';
import type { Prisma } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { countrySchema, currencySchema, hexColorSchema, localeSchema, STORE_LOCALES, storeLocaleSchema } from '../../lib/schemas.ts';
import { brandingOf } from '../../tenancy/tenant-summary.ts';
import type { TenantContext } from '../../trpc.ts';
import { getSettings } from './settings-get.ts';

export const updateSettingsInput = z
  .object({
    name: z.string().trim().min(2, 'Give the store a name of at least 2 characters').max(80, 'Use at most 80 characters for the name').optional(),
    locale: localeSchema.optional(),
    currency: currencySchema.optional(),
    country: countrySchema.optional(),
    branding: z
      .object({
        logoUrl: z.url({ message: 'Use a full web address for the logo, like https://…' }).max(2048).nullable().optional(),
        primaryColor: hexColorSchema.optional(),
        accentColor: hexColorSchema.optional(),
      })
      .optional(),
    storefront: z
      .object({
        theme: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Choose one of the available themes').optional(),
        themeSettings: z.record(z.string(), z.unknown()).optional(),
        seoTitle: z.string().trim().max(70, 'Keep the search title under 70 characters').nullable().optional(),
        seoDescription: z.string().trim().max(160, 'Keep the search description under 160 characters').nullable().optional(),
      })
      .optional(),
    published: z.boolean().optional(),
    contact: z
      .object({
        email: z.union([z.literal(''), z.email({ message: 'Enter a valid email address' }).max(254)]).nullable().optional(),
        phone: z.string().trim().max(40, 'Use at most 40 characters for the phone').regex(/^[0-9+()\-.\s]*$/, 'Use only digits, spaces and + ( ) - . in the phone').nullable().optional(),
        address: z.string().trim().max(400, 'Use at most 400 characters for the address').nullable().optional(),
      })
      .optional(),
    /** Languages offered besides the default one (locale). */
    enabledLocales: z.array(storeLocaleSchema).max(STORE_LOCALES.length).optional(),
    /** Currencies prices may also be shown in, besides the base currency. */
    displayCurrencies: z.array(currencySchema).max(10, 'Choose at most 10 display currencies').optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change' });

export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;

/** Updates the store's settings, storefront and publication, audited in the same transaction. */
export async function updateSettings(ctx: TenantContext, input: UpdateSettingsInput) {
  const tenantChanges: Prisma.TenantUpdateInput = {};
  if (input.name !== undefined) tenantChanges.name = input.name;
  if (input.locale !== undefined) tenantChanges.locale = input.locale;
  if (input.currency !== undefined) tenantChanges.currency = input.currency;
  if (input.country !== undefined) tenantChanges.country = input.country;
  if (input.branding) tenantChanges.branding = { ...brandingOf(ctx.tenant.branding), ...input.branding };
  const hasTenantChanges = Object.keys(tenantChanges).length > 0;

  await ctx.tdb.$scoped(async (tx) => {
    // A pooled tenant's row lives in this database: change it in the same transaction.
    if (hasTenantChanges && !ctx.tenant.dedicated) await tx.tenant.update({ where: { id: ctx.tenant.id }, data: tenantChanges });

    const current = await tx.storefrontConfig.findFirst();
    const storefront: Prisma.StorefrontConfigUncheckedUpdateInput = {};
    const s = input.storefront;
    if (s?.theme !== undefined) storefront.theme = s.theme;
    if (s?.themeSettings !== undefined) storefront.themeSettings = s.themeSettings as Prisma.InputJsonObject;
    if (s?.seoTitle !== undefined) storefront.seoTitle = s.seoTitle || null;
    if (s?.seoDescription !== undefined) storefront.seoDescription = s.seoDescription || null;
    if (input.contact?.email !== undefined) storefront.contactEmail = input.contact.email?.toLowerCase() || null;
    if (input.contact?.phone !== undefined) storefront.contactPhone = input.contact.phone || null;
    if (input.contact?.address !== undefined) storefront.address = input.contact.address || null;
    if (input.enabledLocales !== undefined) storefront.enabledLocales = [...new Set(input.enabledLocales)];
    if (input.displayCurrencies !== undefined) storefront.displayCurrencies = [...new Set(input.displayCurrencies)];
    let publication: 'storefront.published' | 'storefront.unpublished' | null = null;
    if (input.published === true && !current?.publishedAt) {
      storefront.publishedAt = new Date();
      publication = 'storefront.published';
    } else if (input.published === false && current?.publishedAt) {
      storefront.publishedAt = null;
      publication = 'storefront.unpublished';
    }
    if (Object.keys(storefront).length > 0) {
      await tx.storefrontConfig.upsert({
        where: { tenantId: ctx.tenant.id },
        create: { ...(storefront as Prisma.StorefrontConfigUncheckedCreateInput), tenantId: ctx.tenant.id },
        update: storefront,
      });
    }

    const actor = memberActor(ctx);
    const changed = Object.keys(input).filter((k) => k !== 'published');
    if (changed.length > 0) {
      await audit(tx, actor, {
        tenantId: ctx.tenant.id,
        action: 'tenant.settings_updated',
        targetType: 'tenant',
        targetId: ctx.tenant.id,
        data: { changed, ...JSON.parse(JSON.stringify({ ...input, published: undefined })) } as Prisma.InputJsonObject,
      });
    }
    if (publication) {
      await audit(tx, actor, { tenantId: ctx.tenant.id, action: publication, targetType: 'tenant', targetId: ctx.tenant.id });
    }
  });

  let tenant = ctx.tenant;
  if (hasTenantChanges) {
    const row = ctx.tenant.dedicated
      ? await ctx.db.platform.tenant.update({ where: { id: ctx.tenant.id }, data: tenantChanges })
      : await ctx.db.platform.tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id } });
    const { databaseUrlEnc: _sealed, ...rest } = row;
    tenant = { ...rest, dedicated: ctx.tenant.dedicated };
  }
  await ctx.tenantResolver.invalidateTenant(ctx.tenant.id);
  return getSettings({ ...ctx, tenant });
}
