import { Prisma, type PrismaClient } from '@vitrine/db';

/** A platform transaction with a partner in force: what the partner console's code runs in. */
export type PartnerTransaction = Prisma.TransactionClient;

/**
 * Runs `fn` in a platform transaction whose first statement sets `app.partner_id` (transaction-local, so a pooled
 * connection never carries it over). Row-level security (migration 20261128090600_partners) then shows and accepts
 * only this partner's rows of partners, partner_members and tenants — a raw query included — so a filter the code
 * forgot returns nothing of another partner's. The code filters by partner as well: the database is the second lock.
 */
export function withPartner<T>(platform: PrismaClient, partnerId: string, fn: (tx: PartnerTransaction) => Promise<T>): Promise<T> {
  return platform.$transaction(async (tx) => {
    await tx.$executeRaw(Prisma.sql`SELECT set_config('app.partner_id', ${partnerId}, true)`);
    return fn(tx);
  }, { maxWait: 15_000, timeout: 15_000 });
}

/** Puts a tenant in force in the same transaction (for its own rows: audit log, invitations, storefront). */
export async function enterTenant(tx: PartnerTransaction, tenantId: string): Promise<void> {
  await tx.$executeRaw(Prisma.sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`);
}
