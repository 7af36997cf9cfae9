import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness, type Caller } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

/** Team procedures never reach another store: its ids find nothing, and switching to it is FORBIDDEN. */
let h: ApiHarness;
let alice: SessionUser;
let bob: SessionUser;
let storeA: { id: string };
let storeB: { id: string };
let b: { invitationId: string; ownerMembershipId: string; staffMembershipId: string };

beforeAll(async () => {
  h = await createApiHarness('team_isolation');
  alice = await h.createUser('alice');
  bob = await h.createUser('bob');
  storeA = await h.createStore(alice, 'team-a');
  await h.setPlan(storeA.id, 'pro'); // alice's store invites too
  storeB = await h.createStore(bob, 'team-b');
  await h.setPlan(storeB.id, 'pro'); // owner, staff and an invitation: more than Free's single seat
  const staff = await h.createUser('b-staff');
  await h.addMember(storeB.id, staff, 'STAFF', ['catalog']);
  const invitation = await h.caller(bob, { tenantId: storeB.id }).team.invite({ email: 'b-invitee@example.test', role: 'ADMIN' });
  const team = await h.caller(bob, { tenantId: storeB.id }).team.list();
  b = {
    invitationId: invitation.id,
    ownerMembershipId: team.members.find((m) => m.userId === bob.id)!.id,
    staffMembershipId: team.members.find((m) => m.userId === staff.id)!.id,
  };
});
afterAll(() => h?.close());

const asAlice = () => h.caller(alice, { tenantId: storeA.id });

async function snapshotOfB() {
  const tdb = await h.db.forTenant(storeB.id);
  return {
    members: await tdb.membership.findMany({ orderBy: { id: 'asc' } }),
    invitations: await tdb.invitation.findMany({ orderBy: { id: 'asc' } }),
    audit: await tdb.auditLog.count(),
  };
}

describe("another store's ids give NOT_FOUND and change nothing", () => {
  it('team.change, team.remove, team.resend and team.revoke', async () => {
    const before = await snapshotOfB();
    const jobs = await h.owner.outboxJob.count();
    await expectTRPCError(asAlice().team.change({ membershipId: b.staffMembershipId, role: 'ADMIN', permissions: [] }), 'NOT_FOUND');
    await expectTRPCError(asAlice().team.remove({ membershipId: b.ownerMembershipId }), 'NOT_FOUND');
    await expectTRPCError(asAlice().team.resend({ invitationId: b.invitationId }), 'NOT_FOUND');
    await expectTRPCError(asAlice().team.revoke({ invitationId: b.invitationId }), 'NOT_FOUND');
    expect(await snapshotOfB()).toEqual(before);
    expect(await h.owner.outboxJob.count()).toBe(jobs);
  });

  it('team.list shows only the active store', async () => {
    const list = await asAlice().team.list();
    expect(list.members.map((m) => m.userId)).toEqual([alice.id]);
    expect(list.invitations).toEqual([]);
  });

  it("team.invite does not see another store's members or invitations", async () => {
    const invited = await asAlice().team.invite({ email: 'b-invitee@example.test', role: 'STAFF' });
    expect(invited.status).toBe('PENDING');
    const bobEmailInvite = await asAlice().team.invite({ email: bob.email, role: 'STAFF' });
    expect(bobEmailInvite.email).toBe(bob.email);
  });
});

describe('switching the active store to one the user is not a member of is FORBIDDEN', () => {
  const calls: [string, (c: Caller) => Promise<unknown>][] = [
    ['team.list', (c) => c.team.list()],
    ['team.invite', (c) => c.team.invite({ email: 'sneaky@example.test', role: 'OWNER' })],
    ['team.resend', (c) => c.team.resend({ invitationId: b.invitationId })],
    ['team.revoke', (c) => c.team.revoke({ invitationId: b.invitationId })],
    ['team.change', (c) => c.team.change({ membershipId: b.ownerMembershipId, role: 'STAFF', permissions: [] })],
    ['team.remove', (c) => c.team.remove({ membershipId: b.ownerMembershipId })],
    ['team.leave', (c) => c.team.leave()],
  ];
  it.each(calls)('%s', async (_name, call) => {
    const before = await snapshotOfB();
    await expectTRPCError(call(h.caller(alice, { tenantId: storeB.id })), 'FORBIDDEN', /do not have access/);
    expect(await snapshotOfB()).toEqual(before);
  });
});
