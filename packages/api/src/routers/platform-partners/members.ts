import { platformAudit, staffActor } from '../../audit.ts';
import { conflict, isUniqueViolation, notFound } from '../../errors.ts';
import type { AuthedContext } from '../../trpc.ts';
import type { AddPartnerMemberInput, PartnerMemberIdInput } from './inputs.ts';
import { PARTNER_NOT_FOUND } from './partners.ts';

/** Gives a person with a Vitrine account a role in a partner's team (one partner per person), audited. */
export async function addPartnerMember(ctx: AuthedContext, input: AddPartnerMemberInput) {
  return ctx.db.platform
    .$transaction(async (tx) => {
      const partner = await tx.partner.findUnique({ where: { id: input.partnerId }, select: { id: true } });
      if (!partner) throw notFound(PARTNER_NOT_FOUND);
      const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, platformRole: true } });
      if (!user) throw conflict(`No account uses ${input.email} yet. Ask the person to sign up first, then add them.`);
      if (user.platformRole !== 'NONE') throw conflict('Platform staff cannot also work for a partner.');
      const elsewhere = await tx.partnerMember.findUnique({ where: { userId: user.id }, select: { partner: { select: { name: true } } } });
      if (elsewhere) throw conflict(`${input.email} already works for the partner ${elsewhere.partner.name}.`);
      const member = await tx.partnerMember.create({
        data: { partnerId: input.partnerId, userId: user.id, role: input.role },
        select: { id: true, role: true, createdAt: true },
      });
      await platformAudit(tx, staffActor(ctx), {
        action: 'partner.member_added',
        targetType: 'partner',
        targetId: input.partnerId,
        data: { email: input.email, role: input.role, memberId: member.id },
      });
      return member;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict(`${input.email} already works for a partner.`);
      throw error;
    });
}

export async function removePartnerMember(ctx: AuthedContext, input: PartnerMemberIdInput) {
  return ctx.db.platform.$transaction(async (tx) => {
    const member = await tx.partnerMember.findUnique({ where: { id: input.memberId }, select: { partnerId: true, role: true, user: { select: { email: true } } } });
    if (!member) throw notFound('This person is not in a partner team.');
    await tx.partnerMember.delete({ where: { id: input.memberId } });
    await platformAudit(tx, staffActor(ctx), {
      action: 'partner.member_removed',
      targetType: 'partner',
      targetId: member.partnerId,
      data: { email: member.user.email, role: member.role, memberId: input.memberId },
    });
    return { removed: true };
  });
}
