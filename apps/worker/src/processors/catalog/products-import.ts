import { runImport } from '@vitrine/api/product-io';
import type { JobProcessor } from '../types.ts';

/** Commits one checked product sheet: every row in one transaction, or none (see @vitrine/api product-io). */
export const importProducts: JobProcessor<'catalog', 'products.import'> = async ({ tenantId, importId }, ctx) => {
  const tenantDb = await ctx.db.forTenant(tenantId);
  const result = await runImport(tenantDb, { tenantId, importId });
  ctx.log.info({ importId, ...result }, 'product import');
  return result;
};
