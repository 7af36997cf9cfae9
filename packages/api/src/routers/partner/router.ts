import { partnerProcedure } from '../../partners/procedure.ts';
import { publicProcedure, router } from '../../trpc.ts';
import { describePartner, getClient, listClients } from './clients.ts';
import { createClient } from './create-client.ts';
import { changeClientPlanInput, clientIdInput, createClientInput, listClientsInput, reactivateClientInput, suspendClientInput } from './inputs.ts';
import { changeClientPlan, reactivateClient, suspendClient } from './manage-client.ts';
import { whiteLabelOfRequest } from './white-label.ts';

/**
 * The partner console: a reseller's team manages the stores it owns, and only those (filtered by partner in the
 * code and by row-level security with app.partner_id in force). PARTNER_STAFF read; PARTNER_ADMIN also change.
 */
export const partnerRouter = router({
  /** The brand of this request (partner admin domain, the active store's partner, the person's partner), or null. */
  whiteLabel: publicProcedure.query(({ ctx }) => whiteLabelOfRequest(ctx)),
  /** The caller's partner and the plans it may offer. */
  me: partnerProcedure().query(({ ctx }) => describePartner(ctx)),
  clients: router({
    list: partnerProcedure().input(listClientsInput).query(({ ctx, input }) => listClients(ctx, input)),
    get: partnerProcedure().input(clientIdInput).query(({ ctx, input }) => getClient(ctx, input)),
    create: partnerProcedure('PARTNER_ADMIN').input(createClientInput).mutation(({ ctx, input }) => createClient(ctx, input)),
    changePlan: partnerProcedure('PARTNER_ADMIN').input(changeClientPlanInput).mutation(({ ctx, input }) => changeClientPlan(ctx, input)),
    suspend: partnerProcedure('PARTNER_ADMIN').input(suspendClientInput).mutation(({ ctx, input }) => suspendClient(ctx, input)),
    reactivate: partnerProcedure('PARTNER_ADMIN').input(reactivateClientInput).mutation(({ ctx, input }) => reactivateClient(ctx, input)),
  }),
});
