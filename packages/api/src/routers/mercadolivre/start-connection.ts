import type { TenantContext } from '../../trpc.ts';
import type { StartConnectionInput } from './inputs.ts';
import { assertWithinLimit } from '../../plans/index.ts';
import { requireMl } from './shared.ts';

/**
 * Begins the OAuth authorization: refused up front when the plan's account limit is reached (finishing
 * checks again, for the ML user actually authorized). The state in Redis carries who asked, so only the same person in the same store finishes.
 */
export async function startConnection(ctx: TenantContext, input: StartConnectionInput): Promise<{ url: string }> {
  const ml = requireMl(ctx);
  // At the limit, an account waiting to be reconnected may still be: finishConnection decides per ML user.
  const reconnectable = await ctx.tdb.mlAccount.count({ where: { status: 'RECONNECT_NEEDED' } });
  if (reconnectable === 0) await assertWithinLimit(ctx, ctx.tenant, 'mlAccounts');
  const { url } = await ml.oauth.start({ siteId: input.siteId, context: { tenantId: ctx.tenant.id, userId: ctx.user.id } });
  return { url };
}
