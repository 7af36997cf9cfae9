import { TRPCError } from '@trpc/server';
import type { PartnerRole } from '@vitrine/db';
import { authedProcedure, type AuthedContext } from '../trpc.ts';

/** The partner a partner-console procedure works for, as its member sees it. */
export interface ActivePartner {
  id: string;
  name: string;
  slug: string;
  productName: string;
  supportEmail: string;
  adminDomain: string | null;
  allowedPlanCodes: string[];
  defaultTenantBranding: unknown;
}

const NOT_A_PARTNER = 'This area is for the teams of Vitrine partners.';

/**
 * A partner-console procedure: the caller must be a member of a partner (read from the database on every call);
 * `role: 'PARTNER_ADMIN'` also refuses PARTNER_STAFF. Adds `partner` and `partnerRole`. Store roles (a tenant's
 * OWNER or ADMIN, even of the partner's own clients) give no access here.
 */
export function partnerProcedure(role?: 'PARTNER_ADMIN') {
  return authedProcedure.use(async ({ ctx, next }) => {
    const member = await ctx.db.platform.partnerMember.findUnique({
      where: { userId: ctx.user.id },
      select: {
        role: true,
        partner: { select: { id: true, name: true, slug: true, productName: true, supportEmail: true, adminDomain: true, allowedPlanCodes: true, defaultTenantBranding: true } },
      },
    });
    if (!member) throw new TRPCError({ code: 'FORBIDDEN', message: NOT_A_PARTNER });
    if (role && member.role !== role) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Only a partner administrator can do this.' });
    }
    const partner: ActivePartner = member.partner;
    return next({ ctx: { partner, partnerRole: member.role as PartnerRole, log: ctx.log.child({ partnerId: partner.id }) } });
  });
}

export type PartnerContext = AuthedContext & { partner: ActivePartner; partnerRole: PartnerRole };
