import { platformAdminProcedure, router } from '../../trpc.ts';
import { addPartnerMemberInput, createPartnerInput, partnerIdInput, partnerMemberIdInput, updatePartnerInput } from './inputs.ts';
import { addPartnerMember, removePartnerMember } from './members.ts';
import { createPartner, getPartner, listPartners, listPlans, updatePartner } from './partners.ts';

/** Platform staff (SUPER_ADMIN) manage resellers: brand, admin domain, allowed plans, team. Audited. */
export const platformPartnersRouter = router({
  list: platformAdminProcedure.query(({ ctx }) => listPartners(ctx)),
  plans: platformAdminProcedure.query(({ ctx }) => listPlans(ctx)),
  get: platformAdminProcedure.input(partnerIdInput).query(({ ctx, input }) => getPartner(ctx, input)),
  create: platformAdminProcedure.input(createPartnerInput).mutation(({ ctx, input }) => createPartner(ctx, input)),
  update: platformAdminProcedure.input(updatePartnerInput).mutation(({ ctx, input }) => updatePartner(ctx, input)),
  members: router({
    add: platformAdminProcedure.input(addPartnerMemberInput).mutation(({ ctx, input }) => addPartnerMember(ctx, input)),
    remove: platformAdminProcedure.input(partnerMemberIdInput).mutation(({ ctx, input }) => removePartnerMember(ctx, input)),
  }),
});
