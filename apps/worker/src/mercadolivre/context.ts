import { UnrecoverableError } from 'bullmq';
import { storeModuleOn } from '@vitrine/api';
import type { Database } from '@vitrine/db';
import type { MlServices } from '@vitrine/mercadolivre';
import type { JobContext } from '../processors/types.ts';

/** The ML services of a job, or a failure that says how to configure them (retrying would not help). */
export function requireMl(ctx: JobContext): MlServices {
  if (!ctx.ml) throw new UnrecoverableError('Mercado Livre is not configured for this worker (ML_CLIENT_ID, ML_CLIENT_SECRET, ML_API_BASE_URL).');
  return ctx.ml;
}

/** Why a store's Mercado Livre work was not done: stored on the run or notification, so it shows where people look. */
export const ML_MODULE_OFF = 'The Mercado Livre module is switched off for this store.';

/**
 * Whether the store may use Mercado Livre now (the platform's override, else its plan). Checked by every job
 * that works for a store, as the tRPC procedures are: switching the module off stops the background work too.
 */
export async function mlModuleOn(db: Database, tenantId: string): Promise<boolean> {
  return storeModuleOn(db, await db.forTenant(tenantId), tenantId, 'mercadolivre');
}
