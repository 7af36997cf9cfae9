import type { Prisma } from '@vitrine/db';
import type { TenantContext } from '../../trpc.ts';
import { stepsOf, type SetupStep } from './steps.ts';

/** Any transaction that can write the store's own rows (a scoped one, or a platform one with app.tenant_id set). */
export interface SetupWriter {
  storeSetup: {
    findFirst(args: { select: { completedSteps: true; skippedSteps: true } }): PromiseLike<{ completedSteps: string[]; skippedSteps: string[] } | null>;
    upsert(args: {
      where: { tenantId: string };
      create: Prisma.StoreSetupUncheckedCreateInput;
      update: Prisma.StoreSetupUncheckedUpdateInput;
    }): PromiseLike<unknown>;
  };
}

/** Records a step as done (or skipped) inside the transaction of the change that completes it. */
export async function markStep(tx: SetupWriter, tenantId: string, step: SetupStep, as: 'done' | 'skipped' = 'done') {
  const current = await tx.storeSetup.findFirst({ select: { completedSteps: true, skippedSteps: true } });
  const completed = new Set(current?.completedSteps ?? []);
  const skipped = new Set(current?.skippedSteps ?? []);
  if (as === 'done') {
    completed.add(step);
    skipped.delete(step);
  } else {
    skipped.add(step);
    completed.delete(step);
  }
  const data = { completedSteps: [...completed], skippedSteps: [...skipped] };
  await tx.storeSetup.upsert({ where: { tenantId }, create: { tenantId, ...data }, update: data });
}

/** Where the store stands in the wizard, and what the admin needs to resume it. */
export async function setupProgress(ctx: TenantContext) {
  const [setup, config, payments, products] = await Promise.all([
    ctx.tdb.storeSetup.findFirst(),
    ctx.tdb.storefrontConfig.findFirst({ select: { publishedAt: true, theme: true } }),
    ctx.tdb.paymentSettings.findFirst({ select: { tenantId: true } }),
    ctx.tdb.product.count({ where: { archivedAt: null } }),
  ]);
  const { steps, nextStep } = stepsOf(setup?.completedSteps ?? [], setup?.skippedSteps ?? []);
  return {
    steps,
    nextStep,
    niche: setup?.niche ?? null,
    published: !!config?.publishedAt,
    /** A store sells once a payment provider is configured. */
    readyToSell: !!payments,
    productCount: products,
  };
}
