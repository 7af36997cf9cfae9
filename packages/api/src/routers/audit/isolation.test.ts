import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

/** audit.list and audit.filters read only the active store's log. */
let h: ApiHarness;
let alice: SessionUser;
let bob: SessionUser;
let storeA: { id: string };
let storeB: { id: string };

beforeAll(async () => {
  h = await createApiHarness('audit_isolation');
  alice = await h.createUser('alice');
  bob = await h.createUser('bob');
  storeA = await h.createStore(alice, 'audit-a');
  storeB = await h.createStore(bob, 'audit-b');
  await h.setPlan(storeB.id, 'pro'); // an invitation: more than Free's single seat
  await h.caller(bob, { tenantId: storeB.id }).team.invite({ email: 'b-secret@example.test', role: 'ADMIN' });
});
afterAll(() => h?.close());

describe('audit isolation', () => {
  it("lists none of another store's entries, even filtered by its actor or action", async () => {
    const asAlice = h.caller(alice, { tenantId: storeA.id });
    expect((await asAlice.audit.list({})).items.map((i) => i.action)).toEqual(['tenant.created']);
    expect((await asAlice.audit.list({ actorUserId: bob.id })).items).toEqual([]);
    expect((await asAlice.audit.list({ action: 'team.invitation_sent' })).items).toEqual([]);
    expect(await asAlice.audit.filters()).toEqual({ actions: ['tenant.created'], targetTypes: ['tenant'], actors: [{ userId: alice.id, email: alice.email }] });
  });

  it('is FORBIDDEN for a store the user is not a member of', async () => {
    await expectTRPCError(h.caller(alice, { tenantId: storeB.id }).audit.list({}), 'FORBIDDEN', /do not have access/);
    await expectTRPCError(h.caller(alice, { tenantId: storeB.id }).audit.filters(), 'FORBIDDEN', /do not have access/);
  });
});
