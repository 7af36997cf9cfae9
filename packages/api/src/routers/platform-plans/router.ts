import { platformAdminProcedure, router } from '../../trpc.ts';
import { createPlanInput, planCodeInput, updatePlanInput } from './inputs.ts';
import { createPlan, getPlan, listPlans, retirePlan, updatePlan } from './plans.ts';

/** The plan catalogue, managed by platform staff (SUPER_ADMIN); every change is in the platform audit log. */
export const platformPlansRouter = router({
  list: platformAdminProcedure.query(({ ctx }) => listPlans(ctx)),
  get: platformAdminProcedure.input(planCodeInput).query(({ ctx, input }) => getPlan(ctx, input)),
  create: platformAdminProcedure.input(createPlanInput).mutation(({ ctx, input }) => createPlan(ctx, input)),
  update: platformAdminProcedure.input(updatePlanInput).mutation(({ ctx, input }) => updatePlan(ctx, input)),
  /** Deletes a plan nobody uses; a plan in use is refused with the number of stores on it. */
  retire: platformAdminProcedure.input(planCodeInput).mutation(({ ctx, input }) => retirePlan(ctx, input)),
});
