import { UnrecoverableError } from 'bullmq';
import type { MlServices } from '@vitrine/mercadolivre';
import type { JobContext } from '../processors/types.ts';

/** The ML services of a job, or a failure that says how to configure them (retrying would not help). */
export function requireMl(ctx: JobContext): MlServices {
  if (!ctx.ml) throw new UnrecoverableError('Mercado Livre is not configured for this worker (ML_CLIENT_ID, ML_CLIENT_SECRET, ML_API_BASE_URL).');
  return ctx.ml;
}
