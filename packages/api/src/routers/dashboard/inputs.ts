import { z } from 'zod';

export const DASHBOARD_PERIODS = [7, 30, 90] as const;

export const dashboardSummaryInput = z.object({
  days: z.union([z.literal(7), z.literal(30), z.literal(90)], { message: 'Choose a period of 7, 30 or 90 days' }).default(30),
});
export type DashboardSummaryInput = z.infer<typeof dashboardSummaryInput>;
