import { router, tenantProcedure } from '../../trpc.ts';
import { dashboardSummaryInput } from './inputs.ts';
import { dashboardSummary } from './summary.ts';

export const dashboardRouter = router({
  /** Sales, orders, conversion and top products over 7, 30 or 90 days. */
  summary: tenantProcedure('orders:read').input(dashboardSummaryInput).query(({ ctx, input }) => dashboardSummary(ctx, input)),
});
