import { serverCaller } from '../server/caller.ts';
import { requestInfo } from '../server/request.ts';
import { currentImpersonation } from '../platform/current-impersonation.ts';

/**
 * The store the admin works on: the switcher's cookie when it names one of the person's stores, else their
 * first store. Returns a caller scoped to it (null when the person has no store yet).
 */
export async function adminCaller() {
  // Platform staff inside a store (an impersonation grant, never a membership): that store only.
  const impersonation = await currentImpersonation();
  if (impersonation) {
    const store = { ...impersonation.tenant, role: 'ADMIN' as const, permissions: [] as string[] };
    return { mine: [store], active: store, caller: await serverCaller({ activeTenantId: store.id }) };
  }
  const mine = await (await serverCaller()).tenant.mine();
  if (mine.length === 0) return { mine, active: null, caller: null };
  const { activeTenantId } = await requestInfo();
  const active = mine.find((t) => t.id === activeTenantId) ?? mine[0]!;
  return { mine, active, caller: await serverCaller({ activeTenantId: active.id }) };
}
