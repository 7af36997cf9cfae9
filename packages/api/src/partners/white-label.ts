import type { Database, PrismaClient } from '@vitrine/db';
import { normalizeHost } from '../tenancy/normalize-host.ts';

/** What replaces Vitrine's brand in the admin, the sign-in pages and emails. */
export interface WhiteLabel {
  partnerId: string;
  /** The product's name as the partner's clients see it. */
  name: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  supportEmail: string;
}

const SELECT = { id: true, productName: true, logoUrl: true, primaryColor: true, accentColor: true, supportEmail: true } as const;

type Row = { id: string; productName: string; logoUrl: string | null; primaryColor: string; accentColor: string; supportEmail: string };

export function whiteLabelOf(row: Row): WhiteLabel {
  return {
    partnerId: row.id,
    name: row.productName,
    logoUrl: row.logoUrl,
    primaryColor: row.primaryColor,
    accentColor: row.accentColor,
    supportEmail: row.supportEmail,
  };
}

/** The partner whose admin domain this Host is (port and case do not matter), or null. */
export async function whiteLabelForHost(platform: PrismaClient, host: string): Promise<WhiteLabel | null> {
  const hostname = normalizeHost(host);
  if (!hostname) return null;
  const row = await platform.partner.findUnique({ where: { adminDomain: hostname }, select: SELECT });
  return row ? whiteLabelOf(row) : null;
}

/** The partner owning this tenant, or null for a direct client of Vitrine. */
export async function whiteLabelForTenant(platform: PrismaClient, tenantId: string): Promise<WhiteLabel | null> {
  const tenant = await platform.tenant.findUnique({ where: { id: tenantId }, select: { partner: { select: SELECT } } });
  return tenant?.partner ? whiteLabelOf(tenant.partner) : null;
}

/** The partner a person works for, or null. */
export async function whiteLabelForMember(platform: PrismaClient, userId: string): Promise<WhiteLabel | null> {
  const member = await platform.partnerMember.findUnique({ where: { userId }, select: { partner: { select: SELECT } } });
  return member ? whiteLabelOf(member.partner) : null;
}

export interface WhiteLabelRequest {
  host: string;
  userId: string | null;
  activeTenantId: string | null;
}

/**
 * The brand a request is shown under, first match wins: the partner whose admin domain the request came to; the
 * partner owning the signed-in person's active store (when they are a member of it); the partner the person works
 * for. Null: Vitrine's own brand.
 */
export async function resolveWhiteLabel(db: Database, request: WhiteLabelRequest): Promise<WhiteLabel | null> {
  const byHost = await whiteLabelForHost(db.platform, request.host);
  if (byHost) return byHost;
  if (!request.userId) return null;
  if (request.activeTenantId) {
    const member = await db.forUser(request.userId).membership.findFirst({
      where: { userId: request.userId, tenantId: request.activeTenantId },
      select: { id: true },
    });
    if (member) {
      const byTenant = await whiteLabelForTenant(db.platform, request.activeTenantId);
      if (byTenant) return byTenant;
    }
  }
  return whiteLabelForMember(db.platform, request.userId);
}
