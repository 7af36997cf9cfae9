import { serverCaller } from '../server/caller.ts';
import { requestInfo } from '../server/request.ts';

/**
 * The store the admin works on: the switcher's cookie when it names one of the person's stores, else their
 * first store. Returns a caller scoped to it (null when the person has no store yet).
 */
export async function adminCaller() {
  const mine = await (await serverCaller()).tenant.mine();
  if (mine.length === 0) return { mine, active: null, caller: null };
  const { activeTenantId } = await requestInfo();
  const active = mine.find((t) => t.id === activeTenantId) ?? mine[0]!;
  return { mine, active, caller: await serverCaller({ activeTenantId: active.id }) };
}
