import { randomUUID } from 'node:crypto';
import { Prisma } from '@vitrine/db';
import { createMlClient, MlError, MlOAuthStateError, sealTokens, type MlServices, type TokenResponse } from '@vitrine/mercadolivre';
import { createOrJoinSyncRun } from '@vitrine/mercadolivre/store';
import { audit, memberActor } from '../../audit.ts';
import { badRequest, conflict, forbidden, TRPCErrorWith } from '../../errors.ts';
import type { TenantContext } from '../../trpc.ts';
import type { FinishConnectionInput } from './inputs.ts';
import { assertWithinLimit } from '../../plans/index.ts';
import { ANOTHER_STORE, requireMl } from './shared.ts';

/** What a new connection syncs first, in full. */
export const BACKFILL_RESOURCES = ['ITEMS', 'ORDERS', 'QUESTIONS'] as const;

export interface FinishedConnection {
  accountId: string;
  nickname: string;
  /** True when the ML user was already an account of this store (reconnected after a revoke or disconnect). */
  reconnected: boolean;
}

/** Exchanges the code (the state must be this person's, in this store), then stores the account and its tokens. */
export async function finishConnection(ctx: TenantContext, input: FinishConnectionInput): Promise<FinishedConnection> {
  const ml = requireMl(ctx);
  const finished = await ml.oauth.finish({ state: input.state, code: input.code }).catch((error: unknown) => {
    if (error instanceof MlOAuthStateError) throw badRequest(error.message);
    if (error instanceof MlError) throw badRequest(`Mercado Livre refused the authorization (${error.message}). Start the connection again.`);
    throw error;
  });
  if (finished.context.tenantId !== ctx.tenant.id || finished.context.userId !== ctx.user.id) {
    throw forbidden('This Mercado Livre authorization was started by another person or for another store. Start the connection again here.');
  }
  const { tokens } = finished;
  if (!tokens.refresh_token) {
    throw badRequest('Mercado Livre granted no offline access, so the account could not stay connected. Enable offline access for the application and try again.');
  }
  const me = await whoAmI(ml, tokens);
  const mlUserId = BigInt(me.id);
  const tenantId = ctx.tenant.id;

  const existing = await ctx.tdb.mlAccount.findFirst({ where: { mlUserId }, select: { id: true, status: true } });
  const accountId = existing?.id ?? `mla_${randomUUID()}`;
  const claimedRoute = await claimRoute(ctx, mlUserId, accountId);
  // Reconnecting an account the plan already counts takes no new place.
  const counted = existing !== null && existing.status !== 'DISCONNECTED';

  try {
    await ctx.tdb.$scoped(async (tx) => {
      // Counted under the plan's lock for this store, so two simultaneous connections cannot both pass the limit.
      if (!counted) await assertWithinLimit(tx, ctx.tenant, 'mlAccounts');
      await tx.mlAccount.upsert({
        where: { tenantId_mlUserId: { tenantId, mlUserId } },
        create: { id: accountId, tenantId, mlUserId, nickname: me.nickname, siteId: me.site_id, status: 'ACTIVE', connectedByUserId: ctx.user.id },
        update: { nickname: me.nickname, siteId: me.site_id, status: 'ACTIVE', statusReason: null, connectedByUserId: ctx.user.id },
      });
      const sealed = sealTokens(
        { accessToken: tokens.access_token, refreshToken: tokens.refresh_token!, expiresAt: new Date(Date.now() + tokens.expires_in * 1000) },
        ml.keyRing,
        accountId,
      );
      await tx.mlToken.upsert({
        where: { accountId },
        create: { ...sealed, accountId, tenantId, scope: tokens.scope },
        update: { ...sealed, scope: tokens.scope, version: { increment: 1 }, refreshedAt: new Date() },
      });
      await audit(tx, memberActor(ctx), {
        tenantId,
        action: 'mercadolivre.account.connected',
        targetType: 'ml_account',
        targetId: accountId,
        data: { mlUserId: mlUserId.toString(), nickname: me.nickname, siteId: me.site_id, reconnected: Boolean(existing) },
      });
    });
  } catch (error) {
    // The route was ours only for this attempt: give the ML user back.
    if (claimedRoute) await ctx.db.platform.mlAccountRoute.deleteMany({ where: { mlUserId, tenantId, accountId } }).catch(() => {});
    throw error;
  }

  for (const resource of BACKFILL_RESOURCES) {
    await createOrJoinSyncRun(ctx.tdb, { tenantId, accountId, resource, kind: 'BACKFILL', requestedBy: ctx.user.id });
  }
  return { accountId, nickname: me.nickname, reconnected: Boolean(existing) };
}

/** `GET /users/me` with the fresh access token: which seller authorized us. */
async function whoAmI(ml: MlServices, tokens: TokenResponse) {
  const client = createMlClient({
    apiBaseUrl: ml.config.apiBaseUrl,
    sellerId: Number(tokens.user_id),
    accessToken: () => Promise.resolve(tokens.access_token),
    limiter: ml.limiter,
    retry: { retries: 2, baseDelayMs: 200, maxDelayMs: 2_000 },
  });
  return client.me().catch((error: unknown) => {
    if (error instanceof MlError) throw TRPCErrorWith('BAD_GATEWAY', `Mercado Livre did not tell us which account was authorized (${error.message}). Try again.`);
    throw error;
  });
}

/**
 * ml_account_routes (platform table, one row per ML user) says which store receives an ML user's
 * notifications, so an ML user belongs to one store at a time. Inserted before the account exists (its id
 * is chosen here) so two stores racing for the same ML user cannot both win. Returns true when this call
 * created the row.
 */
async function claimRoute(ctx: TenantContext, mlUserId: bigint, accountId: string): Promise<boolean> {
  const tenantId = ctx.tenant.id;
  const inserted = await ctx.db.platform.$executeRaw(Prisma.sql`
    INSERT INTO ml_account_routes (ml_user_id, tenant_id, account_id) VALUES (${mlUserId}, ${tenantId}, ${accountId})
    ON CONFLICT (ml_user_id) DO NOTHING`);
  if (inserted === 1) return true;
  const route = await ctx.db.platform.mlAccountRoute.findUnique({ where: { mlUserId } });
  if (!route) return claimRoute(ctx, mlUserId, accountId);
  if (route.tenantId !== tenantId) throw conflict(ANOTHER_STORE);
  if (route.accountId !== accountId) await ctx.db.platform.mlAccountRoute.update({ where: { mlUserId }, data: { accountId } });
  return false;
}
