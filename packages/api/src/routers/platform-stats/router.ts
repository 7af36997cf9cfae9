import { platformAdminProcedure, router } from '../../trpc.ts';
import { statsInput } from './inputs.ts';
import { platformStats } from './stats.ts';

/** The platform's numbers for staff (SUPER_ADMIN): read from tenant_daily_stats and tenants, never from orders. */
export const platformStatsRouter = router({
  overview: platformAdminProcedure.input(statsInput).query(({ ctx, input }) => platformStats(ctx, input)),
});
