import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { hashInvitationToken } from './tokens.ts';

let h: ApiHarness;
let owner: SessionUser;
let store: { id: string };

beforeAll(async () => {
  h = await createApiHarness('team');
  owner = await h.createUser('owner');
  store = await h.createStore(owner, 'team-store', 'Team Store');
  await h.setPlan(store.id, 'enterprise'); // a team bigger than Free's single seat
});
afterAll(() => h?.close());

const as = (user: SessionUser) => h.caller(user, { tenantId: store.id });

/** The invitation emails written to the outbox for an address, newest last. */
async function invitationEmails(to: string) {
  const rows = await h.owner.outboxJob.findMany({ where: { queue: 'email', name: 'email.send' }, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => r.payload as { to: string; subject: string; text: string; html?: string; kind: string; tenantId: string }).filter((p) => p.to === to);
}
const tokenIn = (text: string) => /\/invitations\/(inv_[^\s"<]+)/.exec(text)![1]!;

async function inviteAndToken(email: string, role: 'OWNER' | 'ADMIN' | 'STAFF', permissions: ('catalog' | 'orders' | 'support' | 'settings' | 'billing')[] = []) {
  const invitation = await as(owner).team.invite({ email, role, permissions });
  const emails = await invitationEmails(email.toLowerCase());
  return { invitation, token: tokenIn(emails.at(-1)!.text) };
}

async function memberJoining(label: string, role: 'OWNER' | 'ADMIN' | 'STAFF', permissions: ('catalog' | 'orders' | 'settings')[] = []) {
  const user = await h.createUser(label);
  const { token } = await inviteAndToken(user.email, role, permissions);
  const accepted = await h.caller(user).team.invitation.accept({ token });
  return { user, membershipId: accepted.membershipId };
}

describe('team.invite', () => {
  it('writes the invitation with a hashed token, its email job and an audit row in one go', async () => {
    const invitation = await as(owner).team.invite({ email: '  New.Person@Example.TEST ', role: 'STAFF', permissions: ['orders', 'catalog', 'orders'] });
    expect(invitation).toMatchObject({ email: 'new.person@example.test', role: 'STAFF', permissions: ['catalog', 'orders'], status: 'PENDING' });
    expect(invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    const [email] = await invitationEmails('new.person@example.test');
    expect(email).toMatchObject({ kind: 'team.invitation', tenantId: store.id, subject: 'You are invited to join Team Store on Vitrine' });
    const token = tokenIn(email!.text);
    expect(email!.text).toContain(`http://vitrine.test/invitations/${token}`);
    const tdb = await h.db.forTenant(store.id);
    const row = await tdb.invitation.findFirstOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token.split('.')[1]);
    expect(await h.auditRows(store.id, 'team.invitation_sent')).toEqual([
      expect.objectContaining({ targetId: invitation.id, actorUserId: owner.id }),
    ]);
  });

  it('refuses a second pending invitation and an existing member, leaving no email job behind', async () => {
    const before = await h.owner.outboxJob.count();
    await expectTRPCError(as(owner).team.invite({ email: 'new.person@example.test', role: 'ADMIN' }), 'CONFLICT', /pending invitation/);
    await expectTRPCError(as(owner).team.invite({ email: owner.email, role: 'ADMIN' }), 'CONFLICT', /already a member/);
    expect(await h.owner.outboxJob.count()).toBe(before);
  });

  it('refuses a malformed email and an unknown permission with a sentence', async () => {
    const bad = await expectTRPCError(as(owner).team.invite({ email: 'not-an-email', role: 'STAFF' }), 'BAD_REQUEST');
    expect(bad.cause?.message).toMatch(/valid email/);
    await expectTRPCError(as(owner).team.invite({ email: 'x@example.test', role: 'STAFF', permissions: ['everything' as 'catalog'] }), 'BAD_REQUEST');
  });

  it('lets only an owner invite an owner', async () => {
    const { user: admin } = await memberJoining('admin-inviter', 'ADMIN');
    await expectTRPCError(as(admin).team.invite({ email: 'boss@example.test', role: 'OWNER' }), 'FORBIDDEN', /Only an owner/);
    const ok = await as(admin).team.invite({ email: 'helper@example.test', role: 'STAFF', permissions: ['support'] });
    expect(ok.role).toBe('STAFF');
  });
});

describe('team.resend and team.revoke', () => {
  it('resend replaces the token: the old link stops working, the new one works', async () => {
    const person = await h.createUser('resent');
    const { invitation, token: oldToken } = await inviteAndToken(person.email, 'STAFF', ['catalog']);
    await as(owner).team.resend({ invitationId: invitation.id });
    const newToken = tokenIn((await invitationEmails(person.email)).at(-1)!.text);
    expect(newToken).not.toBe(oldToken);
    await expectTRPCError(h.caller(person).team.invitation.accept({ token: oldToken }), 'NOT_FOUND', /not valid/);
    await expect(h.caller(person).team.invitation.accept({ token: newToken })).resolves.toMatchObject({ role: 'STAFF' });
    expect(await h.auditRows(store.id, 'team.invitation_resent')).toHaveLength(1);
  });

  it('a revoked invitation cannot be accepted and says so', async () => {
    const person = await h.createUser('revoked');
    const { invitation, token } = await inviteAndToken(person.email, 'STAFF');
    expect(await as(owner).team.revoke({ invitationId: invitation.id })).toMatchObject({ status: 'REVOKED' });
    expect(await h.caller(null).team.invitation.preview({ token })).toMatchObject({ status: 'REVOKED', problem: expect.stringMatching(/withdrawn/) });
    await expectTRPCError(h.caller(person).team.invitation.accept({ token }), 'CONFLICT', /withdrawn/);
    await expectTRPCError(as(owner).team.resend({ invitationId: invitation.id }), 'CONFLICT', /revoked/);
  });
});

describe('team.invitation.accept', () => {
  it('previews the store and the invited email without signing in', async () => {
    const { token } = await inviteAndToken('preview@example.test', 'ADMIN');
    expect(await h.caller(null).team.invitation.preview({ token })).toMatchObject({
      storeName: 'Team Store', email: 'preview@example.test', role: 'ADMIN', status: 'PENDING', problem: null,
    });
  });

  it('makes the invited person a member with the invited role and permissions, once', async () => {
    const person = await h.createUser('joiner');
    const { token, invitation } = await inviteAndToken(person.email, 'STAFF', ['orders']);
    const accepted = await h.caller(person).team.invitation.accept({ token });
    expect(accepted).toMatchObject({ tenantId: store.id, role: 'STAFF' });
    const list = await as(owner).team.list();
    expect(list.members).toContainEqual(expect.objectContaining({ email: person.email, role: 'STAFF', permissions: ['orders'] }));
    expect(list.invitations.map((i) => i.id)).not.toContain(invitation.id);
    await expectTRPCError(h.caller(person).team.invitation.accept({ token }), 'CONFLICT', /already accepted/);
    expect(await h.auditRows(store.id, 'team.invitation_accepted')).toContainEqual(expect.objectContaining({ actorUserId: person.id }));
  });

  it('refuses someone signed in with another email, and a person not signed in', async () => {
    const { token } = await inviteAndToken('right-person@example.test', 'STAFF');
    const other = await h.createUser('wrong-person');
    await expectTRPCError(h.caller(other).team.invitation.accept({ token }), 'FORBIDDEN', /is for right-person@example.test/);
    await expectTRPCError(h.caller(null).team.invitation.accept({ token }), 'UNAUTHORIZED');
  });

  it('refuses an expired invitation', async () => {
    const person = await h.createUser('late');
    const { invitation, token } = await inviteAndToken(person.email, 'STAFF');
    await h.owner.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectTRPCError(h.caller(person).team.invitation.accept({ token }), 'CONFLICT', /expired/);
  });

  it('refuses a forged token and a malformed one', async () => {
    await expectTRPCError(h.caller(owner).team.invitation.accept({ token: `inv_${store.id}.${'A'.repeat(43)}` }), 'NOT_FOUND', /not valid/);
    await expectTRPCError(h.caller(owner).team.invitation.accept({ token: `inv_nosuchstore.${'A'.repeat(43)}` }), 'NOT_FOUND', /not valid/);
    await expectTRPCError(h.caller(owner).team.invitation.preview({ token: 'garbage' }), 'BAD_REQUEST');
  });
});

describe('team.change, team.remove and team.leave', () => {
  it('changes a staff member into an admin and back with permissions, audited', async () => {
    const { membershipId } = await memberJoining('promoted', 'STAFF', ['catalog']);
    expect(await as(owner).team.change({ membershipId, role: 'ADMIN', permissions: ['catalog'] })).toMatchObject({ role: 'ADMIN', permissions: [] });
    expect(await as(owner).team.change({ membershipId, role: 'STAFF', permissions: ['orders', 'settings'] })).toMatchObject({
      role: 'STAFF', permissions: ['orders', 'settings'],
    });
    expect((await h.auditRows(store.id, 'team.member_changed')).filter((r) => r.targetId === membershipId)).toHaveLength(2);
  });

  it('never lets the last owner be demoted, removed or leave', async () => {
    const { members } = await as(owner).team.list();
    const mine = members.find((m) => m.userId === owner.id)!;
    await expectTRPCError(as(owner).team.change({ membershipId: mine.id, role: 'ADMIN', permissions: [] }), 'CONFLICT', /at least one owner/);
    await expectTRPCError(as(owner).team.remove({ membershipId: mine.id }), 'CONFLICT', /at least one owner/);
    await expectTRPCError(as(owner).team.leave(), 'CONFLICT', /at least one owner/);
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.membership.findFirst({ where: { id: mine.id } })).toMatchObject({ role: 'OWNER' });
  });

  it('lets two owners demote each other concurrently only once: one owner always remains', async () => {
    const other = await h.createUser('solo-owner');
    const solo = await h.createStore(other, 'two-owners');
    await h.setPlan(solo.id, 'basic');
    const second = await h.createUser('second-owner');
    const { token } = await (async () => {
      await h.caller(other, { tenantId: solo.id }).team.invite({ email: second.email, role: 'OWNER' });
      return { token: tokenIn((await invitationEmails(second.email)).at(-1)!.text) };
    })();
    await h.caller(second).team.invitation.accept({ token });
    const { members } = await h.caller(other, { tenantId: solo.id }).team.list();
    const a = members.find((m) => m.userId === other.id)!;
    const b = members.find((m) => m.userId === second.id)!;

    const results = await Promise.allSettled([
      h.caller(other, { tenantId: solo.id }).team.change({ membershipId: b.id, role: 'STAFF', permissions: [] }),
      h.caller(second, { tenantId: solo.id }).team.change({ membershipId: a.id, role: 'STAFF', permissions: [] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason.message)).toMatch(/at least one owner|do not allow/);
    const tdb = await h.db.forTenant(solo.id);
    expect(await tdb.membership.count({ where: { role: 'OWNER' } })).toBe(1);
  });

  it('lets an owner leave when another owner remains, and any member leave', async () => {
    const { user: staff } = await memberJoining('leaver', 'STAFF');
    await expect(as(staff).team.leave()).resolves.toMatchObject({ removed: expect.any(String) });
    await expectTRPCError(as(staff).team.list(), 'FORBIDDEN');
    expect(await h.auditRows(store.id, 'team.member_left')).toContainEqual(expect.objectContaining({ actorUserId: staff.id }));
  });

  it('removes a member, and an admin cannot touch an owner or promote to owner', async () => {
    const { user: admin } = await memberJoining('admin-remover', 'ADMIN');
    const { membershipId: staffId } = await memberJoining('to-remove', 'STAFF');
    const { members } = await as(owner).team.list();
    const ownerRow = members.find((m) => m.userId === owner.id)!;
    await expectTRPCError(as(admin).team.remove({ membershipId: ownerRow.id }), 'FORBIDDEN', /Only an owner/);
    await expectTRPCError(as(admin).team.change({ membershipId: staffId, role: 'OWNER', permissions: [] }), 'FORBIDDEN', /Only an owner/);
    await expect(as(admin).team.remove({ membershipId: staffId })).resolves.toEqual({ removed: staffId });
    await expectTRPCError(as(admin).team.remove({ membershipId: staffId }), 'NOT_FOUND');
  });
});

describe('staff cannot manage the team', () => {
  it('answers FORBIDDEN to every team procedure, whatever fine permissions staff holds', async () => {
    const { user: staff } = await memberJoining('all-fine', 'STAFF', ['catalog', 'orders', 'settings']);
    const { members, invitations } = await as(owner).team.list();
    const target = members.find((m) => m.userId === owner.id)!.id;
    const inv = invitations[0]!.id;
    await expectTRPCError(as(staff).team.list(), 'FORBIDDEN', /team:manage/);
    await expectTRPCError(as(staff).team.invite({ email: 'x@example.test', role: 'STAFF' }), 'FORBIDDEN');
    await expectTRPCError(as(staff).team.resend({ invitationId: inv }), 'FORBIDDEN');
    await expectTRPCError(as(staff).team.revoke({ invitationId: inv }), 'FORBIDDEN');
    await expectTRPCError(as(staff).team.change({ membershipId: target, role: 'STAFF', permissions: [] }), 'FORBIDDEN');
    await expectTRPCError(as(staff).team.remove({ membershipId: target }), 'FORBIDDEN');
  });
});
