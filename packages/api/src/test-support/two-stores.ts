import type { SessionUser } from '../context.ts';
import type { ApiHarness, Caller } from './harness.ts';

export interface TwoStores {
  alice: SessionUser;
  bob: SessionUser;
  storeA: { id: string; slug: string; hostname: string };
  storeB: { id: string; slug: string; hostname: string };
  /** Alice in her store A. */
  asAlice(): Caller;
  /** Bob in his store B. */
  asBob(): Caller;
}

/**
 * The set-up of an isolation test: two people, each owning one store (`<prefix>-a` and `<prefix>-b`). Tests fill
 * store B with rows and prove that Alice, working in store A, can neither read nor change them.
 */
export async function twoStores(h: ApiHarness, prefix: string): Promise<TwoStores> {
  const alice = await h.createUser('alice');
  const bob = await h.createUser('bob');
  const storeA = await h.createStore(alice, `${prefix}-a`);
  const storeB = await h.createStore(bob, `${prefix}-b`);
  return {
    alice,
    bob,
    storeA,
    storeB,
    asAlice: () => h.caller(alice, { tenantId: storeA.id }),
    asBob: () => h.caller(bob, { tenantId: storeB.id }),
  };
}
