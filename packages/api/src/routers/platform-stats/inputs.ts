import { z } from 'zod';

export const statsInput = z.object({
  /** How many days back, today included. */
  days: z.number().int('Choose a whole number of days').min(7, 'Look at least 7 days back').max(366, 'Look at most a year back').default(30),
});
export type StatsInput = z.infer<typeof statsInput>;
