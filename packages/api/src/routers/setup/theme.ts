import { audit, memberActor } from '../../audit.ts';
import type { TenantContext } from '../../trpc.ts';
import { markStep } from './progress.ts';
import { assertThemeOffered } from '../platform-themes/themes.ts';
import type { StoreTheme } from './themes.ts';

/** Step 2: the storefront theme (applied at once; the storefront reads it on every request). */
export async function saveTheme(ctx: TenantContext, theme: StoreTheme) {
  const tenantId = ctx.tenant.id;
  await assertThemeOffered(ctx, theme);
  await ctx.tdb.$scoped(async (tx) => {
    await tx.storefrontConfig.upsert({ where: { tenantId }, create: { tenantId, theme }, update: { theme } });
    await audit(tx, memberActor(ctx), { tenantId, action: 'setup.theme_saved', targetType: 'tenant', targetId: tenantId, data: { theme } });
    await markStep(tx, tenantId, 'theme');
  });
  return { theme };
}
