import { router, tenantProcedure } from '../../trpc.ts';
import { auditListInput } from './inputs.ts';
import { auditFilterOptions, listAudit } from './list.ts';

/** The store's audit log (append-only; written by each action in its own transaction, see audit.ts). */
export const auditRouter = router({
  /** Newest first, filtered by action, actor, target type and days; keyset paging. */
  list: tenantProcedure('audit:read').input(auditListInput).query(({ ctx, input }) => listAudit(ctx, input)),
  /** The choices the filters offer. */
  filters: tenantProcedure('audit:read').query(({ ctx }) => auditFilterOptions(ctx)),
});
