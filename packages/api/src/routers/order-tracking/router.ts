import { router, storefrontProcedure } from '../../trpc.ts';
import { trackOrder } from './get.ts';
import { trackingInput } from './inputs.ts';

/** The buyer's tracking page, by the random token in their order's link, in the store behind the request's Host. */
export const orderTrackingRouter = router({
  get: storefrontProcedure.input(trackingInput).query(({ ctx, input }) => trackOrder(ctx, input)),
});
