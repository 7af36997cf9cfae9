import type { Permission } from '../permissions.ts';
import { tenantProcedure } from '../trpc.ts';
import type { ModuleCode } from './catalogue.ts';
import { assertModuleOn } from './access.ts';

/**
 * A tenant procedure of an optional module: `tenantProcedure(permission)` (role, store, billing) and then the
 * module must be on for the store and not switched off for the member (FORBIDDEN with a sentence naming it).
 */
export function moduleProcedure(module: ModuleCode, permission: Permission) {
  return tenantProcedure(permission).use(async ({ ctx, next }) => {
    await assertModuleOn(ctx, module);
    return next();
  });
}
