import { TRPCError } from '@trpc/server';
import type { Database, TenantDb } from '@vitrine/db';
import { platformAudit, staffActor } from '../../audit.ts';
import type { AuthedContext } from '../../trpc.ts';
import { STORE_THEMES, type StoreTheme } from '../setup/themes.ts';
import { fieldError } from '../platform-plans/field-error.ts';
import type { ThemeAvailabilityInput } from './inputs.ts';

/**
 * The theme catalogue: the themes are code (their looks: apps/web/src/store/themes.ts); store_themes says which are
 * offered to stores choosing a theme. A theme switched off stays with the stores that already use it.
 */
export async function themeCatalogue(db: Database) {
  const rows = await db.platform.storeTheme.findMany();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return STORE_THEMES.map((code) => ({ code, enabledForNewStores: byCode.get(code)?.enabledForNewStores ?? true, updatedAt: byCode.get(code)?.updatedAt ?? null }));
}

/** The themes a store may choose now (the setup wizard lists these). */
export async function offeredThemes(db: Database): Promise<StoreTheme[]> {
  return (await themeCatalogue(db)).filter((t) => t.enabledForNewStores).map((t) => t.code);
}

/**
 * Refuses a theme the platform no longer offers, unless it is the store's current theme (a store keeps its theme).
 * The refusal is shown beside the wizard's theme field.
 */
export async function assertThemeOffered(ctx: { db: Database; tdb: TenantDb }, theme: StoreTheme): Promise<void> {
  if ((await offeredThemes(ctx.db)).includes(theme)) return;
  const current = await ctx.tdb.storefrontConfig.findFirst({ select: { theme: true } });
  if (current?.theme === theme) return;
  const message = `The ${theme} theme is no longer offered to stores; choose another one.`;
  throw fieldError('theme', message);
}

export async function setThemeAvailability(ctx: AuthedContext, input: ThemeAvailabilityInput) {
  await ctx.db.platform.$transaction(async (tx) => {
    // One change at a time: the "at least one theme stays offered" check cannot be raced.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('platform:store-themes'))`;
    if (!input.enabled) {
      const rows = await tx.storeTheme.findMany({ where: { enabledForNewStores: false } });
      const off = new Set([...rows.map((r) => r.code), input.code]);
      if (STORE_THEMES.every((code) => off.has(code))) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'At least one theme must stay offered to new stores.' });
      }
    }
    await tx.storeTheme.upsert({
      where: { code: input.code },
      create: { code: input.code, enabledForNewStores: input.enabled },
      update: { enabledForNewStores: input.enabled },
    });
    await platformAudit(tx, staffActor(ctx), { action: input.enabled ? 'theme.enabled' : 'theme.disabled', targetType: 'theme', targetId: input.code });
  });
  return themeCatalogue(ctx.db);
}
