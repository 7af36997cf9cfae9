import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { invitationRefusalOf } from './accept.ts';
import { hashInvitationToken } from './tokens.ts';

let h: ApiHarness;
let owner: SessionUser;
let store: { id: string };

beforeAll(async () => {
  h = await createApiHarness('team-refusal');
  owner = await h.createUser('refusal-owner');
  store = await h.createStore(owner, 'refusal-store', 'Refusal Store');
  await h.setPlan(store.id, 'enterprise');
});
afterAll(() => h?.close());

/** Invites `email` to the store and returns the link's token, read from the invitation email. */
async function invite(email: string) {
  const invitation = await h.caller(owner, { tenantId: store.id }).team.invite({ email, role: 'STAFF', permissions: [] });
  const rows = await h.owner.outboxJob.findMany({ where: { queue: 'email', name: 'email.send' }, orderBy: { createdAt: 'asc' } });
  const text = rows.map((r) => r.payload as { to: string; text: string }).filter((p) => p.to === email).at(-1)!.text;
  return { invitation, token: /\/invitations\/(inv_[^\s"<]+)/.exec(text)![1]! };
}

const reasonOf = async (call: Promise<unknown>, code: Parameters<typeof expectTRPCError>[1]) => invitationRefusalOf(await expectTRPCError(call, code));

describe('invitation refusals carry a stable reason beside the sentence', () => {
  it('names each refusal of an acceptance, so a client can say it in the person\'s language', async () => {
    const person = await h.createUser('refused-person');
    const { invitation, token } = await invite(person.email);
    const other = await h.createUser('refused-other');
    expect(await reasonOf(h.caller(other).team.invitation.accept({ token }), 'FORBIDDEN')).toBe('WRONG_ACCOUNT');
    expect(await reasonOf(h.caller(person).team.invitation.accept({ token: `inv_${store.id}.${'A'.repeat(43)}` }), 'NOT_FOUND')).toBe('UNKNOWN');
    expect(await reasonOf(h.caller(null).team.invitation.preview({ token: `inv_nosuchstore.${'A'.repeat(43)}` }), 'NOT_FOUND')).toBe('UNKNOWN');

    await h.owner.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await reasonOf(h.caller(person).team.invitation.accept({ token }), 'CONFLICT')).toBe('EXPIRED');
    await h.owner.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() + 86_400_000), revokedAt: new Date() } });
    expect(await reasonOf(h.caller(person).team.invitation.accept({ token }), 'CONFLICT')).toBe('REVOKED');
    await h.owner.invitation.update({ where: { id: invitation.id }, data: { revokedAt: null } });
    await h.caller(person).team.invitation.accept({ token });
    expect(await reasonOf(h.caller(person).team.invitation.accept({ token }), 'CONFLICT')).toBe('ACCEPTED');
  });

  it('names a person who is already a member of the store, and leaves other errors without a reason', async () => {
    const member = await h.createUser('already-member');
    await h.caller(member).team.invitation.accept({ token: (await invite(member.email)).token });
    // The router refuses to invite a member; a second invitation can only predate the membership (written directly here).
    const token = `inv_${store.id}.${'B'.repeat(43)}`;
    await h.owner.invitation.create({
      data: { tenantId: store.id, email: member.email, role: 'STAFF', tokenHash: hashInvitationToken(token), expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect(await reasonOf(h.caller(member).team.invitation.accept({ token }), 'CONFLICT')).toBe('ALREADY_MEMBER');
    expect(invitationRefusalOf(new Error('You are already a member of this store.'))).toBeUndefined();
    await expectTRPCError(h.caller(null).team.invitation.accept({ token }), 'UNAUTHORIZED').then((error) => expect(invitationRefusalOf(error)).toBeUndefined());
  });
});
