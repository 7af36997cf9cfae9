import { z } from 'zod';
import { assertWithinLimit } from '../../../plans/index.ts';
import type { TenantContext } from '../../../trpc.ts';

/** `bytes`: what a processed product image will take in storage (all its renditions), once the route knows it. */
export const uploadTargetInput = z
  .object({ bytes: z.number().int('Give the size in whole bytes').min(1).max(1024 * 1024 * 1024).optional() })
  .optional();

/**
 * Asked by the upload route before it reads a file: the caller may add images to the active store
 * (catalog:write). The route then keys the file under this store (see newUploadKey in @vitrine/media).
 * Asked again with `bytes` once a product image is processed, before it is stored: refused when the image would
 * take the store past its plan's storage (the attaching transaction counts again, race-safe).
 */
export async function uploadTarget(ctx: TenantContext, input?: z.infer<typeof uploadTargetInput>) {
  if (input?.bytes) await assertWithinLimit(ctx, ctx.tenant, 'storageMb', input.bytes);
  return { tenantId: ctx.tenant.id };
}
