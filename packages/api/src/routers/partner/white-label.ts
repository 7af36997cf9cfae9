import type { Context } from '../../context.ts';
import { resolveWhiteLabel } from '../../partners/white-label.ts';

/** The brand this request is shown under (see resolveWhiteLabel); null: Vitrine's own. */
export function whiteLabelOfRequest(ctx: Context) {
  return resolveWhiteLabel(ctx.db, { host: ctx.host, userId: ctx.user?.id ?? null, activeTenantId: ctx.activeTenantId });
}
