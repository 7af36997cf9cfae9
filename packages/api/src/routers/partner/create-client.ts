import type { Prisma } from '@vitrine/db';
import { enqueueInTransaction } from '@vitrine/queue';
import { audit, memberActor } from '../../audit.ts';
import { conflict, isUniqueViolation } from '../../errors.ts';
import { clientOwnerInvitationEmail, partnerAppUrl } from '../../partners/emails.ts';
import { assertPlanAllowed } from '../../partners/plans.ts';
import type { PartnerContext } from '../../partners/procedure.ts';
import { enterTenant, withPartner } from '../../partners/scope.ts';
import { invitationExpiry, invitationUrl, newInvitationToken } from '../team/tokens.ts';
import type { CreateClientInput } from './inputs.ts';

const taken = (slug: string) => conflict(`The store address "${slug}" is already taken. Choose another one.`);

/**
 * A store for one of the partner's clients, in one transaction with the partner in force: the tenant (owned by the
 * partner, on a plan the partner may offer, with the partner's default branding), its `{slug}.{PLATFORM_DOMAIN}`
 * address, an unpublished storefront, the owner's invitation (emailed under the partner's brand, through the
 * outbox) and the audit rows. The owner becomes a member by accepting the invitation.
 */
export async function createClient(ctx: PartnerContext, input: CreateClientInput) {
  const hostname = `${input.slug}.${ctx.tenantResolver.platformDomain}`;
  const existing = await ctx.db.platform.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } });
  // A partner's admin domain is served as the admin, never as a store.
  const adminDomain = await ctx.db.platform.partner.findUnique({ where: { adminDomain: hostname }, select: { id: true } });
  if (existing || adminDomain) throw taken(input.slug);

  const { tenant, invitationId } = await withPartner(ctx.db.platform, ctx.partner.id, async (tx) => {
    // Read again inside the transaction: what the platform allows now, not when the request began.
    const partner = await tx.partner.findUniqueOrThrow({
      where: { id: ctx.partner.id },
      select: { allowedPlanCodes: true, defaultTenantBranding: true, productName: true, supportEmail: true, adminDomain: true },
    });
    const plan = await assertPlanAllowed(tx, partner.allowedPlanCodes, input.planCode);
    const created = await tx.tenant.create({
      data: {
        slug: input.slug,
        name: input.name,
        locale: input.locale,
        currency: input.currency,
        country: input.country,
        planCode: plan.code,
        partnerId: ctx.partner.id,
        branding: partner.defaultTenantBranding as Prisma.InputJsonValue,
        status: 'TRIAL',
        trialEndsAt: plan.trialDays > 0 ? new Date(Date.now() + plan.trialDays * 86_400_000) : null,
      },
    });
    await enterTenant(tx, created.id);
    await tx.domain.create({
      data: { tenantId: created.id, hostname, kind: 'SUBDOMAIN', verification: 'VERIFIED', verifiedAt: new Date(), isPrimary: true },
    });
    await tx.storefrontConfig.create({ data: { tenantId: created.id } });

    const { token, tokenHash } = newInvitationToken(created.id);
    const invitation = await tx.invitation.create({
      data: { tenantId: created.id, email: input.ownerEmail, role: 'OWNER', tokenHash, invitedByUserId: ctx.user.id, expiresAt: invitationExpiry() },
    });
    const email = clientOwnerInvitationEmail({
      storeName: created.name,
      brand: partner.productName,
      supportEmail: partner.supportEmail,
      url: invitationUrl(partnerAppUrl(ctx.appUrl, partner.adminDomain), token),
      locale: created.locale,
    });
    await enqueueInTransaction(tx, {
      queue: 'email',
      name: 'email.send',
      payload: { to: input.ownerEmail, ...email, kind: 'partner.client-owner-invitation', tenantId: created.id, replyTo: partner.supportEmail },
      tenantId: created.id,
    });
    await audit(tx, memberActor(ctx), {
      tenantId: created.id,
      action: 'tenant.created',
      targetType: 'tenant',
      targetId: created.id,
      data: { slug: created.slug, name: created.name, hostname, partnerId: ctx.partner.id, planCode: plan.code },
    });
    await audit(tx, memberActor(ctx), {
      tenantId: created.id,
      action: 'team.invitation_sent',
      targetType: 'invitation',
      targetId: invitation.id,
      data: { email: input.ownerEmail, role: 'OWNER', partnerId: ctx.partner.id },
    });
    return { tenant: created, invitationId: invitation.id };
  }).catch((error: unknown) => {
    if (isUniqueViolation(error, 'slug') || isUniqueViolation(error, 'hostname')) throw taken(input.slug);
    throw error;
  });

  await ctx.tenantResolver.invalidateTenant(tenant.id, [hostname]);
  ctx.log.info({ tenantId: tenant.id, slug: tenant.slug }, 'partner client created');
  return { id: tenant.id, slug: tenant.slug, name: tenant.name, status: tenant.status, planCode: tenant.planCode, hostname, invitationId };
}
