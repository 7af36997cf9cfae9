import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { supportAddress } from './emails.ts';

/** A ticket's life between a store's team and platform staff: messages, turns, emails through the outbox, audit. */
let h: ApiHarness;
let owner: SessionUser;
let staff: SessionUser;
let store: { id: string };
const previousSupportEmail = process.env.SUPPORT_EMAIL;

beforeAll(async () => {
  process.env.SUPPORT_EMAIL = 'help-desk@vitrine.example';
  h = await createApiHarness('support');
  owner = await h.createUser('owner');
  staff = await h.createUser('staff', 'SUPER_ADMIN');
  store = await h.createStore(owner, 'support-store', 'Support Store');
});
afterAll(async () => {
  if (previousSupportEmail === undefined) delete process.env.SUPPORT_EMAIL;
  else process.env.SUPPORT_EMAIL = previousSupportEmail;
  await h?.close();
});

const asOwner = () => h.caller(owner, { tenantId: store.id });
const asStaff = () => h.caller(staff);

/** The support emails in the outbox, oldest first. */
async function emails() {
  const rows = await h.owner.outboxJob.findMany({ where: { name: 'email.send' }, orderBy: { createdAt: 'asc' } });
  return rows
    .map((r) => r.payload as { to: string; subject: string; text: string; kind: string; tenantId?: string })
    .filter((p) => p.kind.startsWith('support.'));
}

describe('a ticket from opening to closing', () => {
  let ticketId: string;

  it('opens with a subject and a first message, numbered per store, and emails the support inbox', async () => {
    const opened = await asOwner().support.open({ subject: 'Payments do not arrive', body: 'Since Monday no payment reached us.\n\nCan you check?' });
    expect(opened).toMatchObject({ number: 1, status: 'OPEN' });
    ticketId = opened.id;
    const second = await asOwner().support.open({ subject: 'Another question', body: 'Hello', priority: 'LOW' });
    expect(second.number).toBe(2);

    const list = await asOwner().support.list({});
    expect(list.tickets.map((t) => t.number)).toEqual([2, 1]);
    const thread = await asOwner().support.get({ ticketId });
    expect(thread.ticket).toMatchObject({ subject: 'Payments do not arrive', status: 'OPEN', priority: 'NORMAL' });
    expect(thread.messages).toEqual([expect.objectContaining({ authorKind: 'TENANT', body: 'Since Monday no payment reached us.\n\nCan you check?' })]);

    const sent = await emails();
    expect(sent[0]).toMatchObject({ to: 'help-desk@vitrine.example', kind: 'support.ticket-opened', tenantId: store.id });
    expect(sent[0]!.subject).toContain('[Support #1] Support Store: Payments do not arrive');
    expect(sent[0]!.text).toContain('Since Monday no payment reached us.');
    expect(sent[0]!.text).toContain(`/platform/support/${ticketId}`);
    expect(await h.auditRows(store.id, 'support.ticket_opened')).toHaveLength(2);
  });

  it('staff find it in the queue, take it and answer: the store waits on itself, its owner gets an email', async () => {
    const queue = await asStaff().platformSupport.queue({});
    expect(queue.items.find((i) => i.ticketId === ticketId)).toMatchObject({ number: 1, status: 'OPEN', store: { name: 'Support Store' }, assignedTo: null });

    await asStaff().platformSupport.assign({ ticketId, assignee: 'me' });
    await expectTRPCError(asStaff().platformSupport.assign({ ticketId, assignee: 'me' }), 'CONFLICT', /already assigned to you/);
    const mine = await asStaff().platformSupport.queue({ assigned: 'me' });
    expect(mine.items.map((i) => i.ticketId)).toEqual([ticketId]);
    const nobodys = await asStaff().platformSupport.queue({ assigned: 'nobody' });
    expect(nobodys.items.map((i) => i.number)).toEqual([2]);

    const before = (await emails()).length;
    const replied = await asStaff().platformSupport.reply({ ticketId, body: 'We found it: your Stripe key expired.' });
    expect(replied.status).toBe('WAITING_ON_TENANT');
    const sent = (await emails()).slice(before);
    expect(sent).toEqual([expect.objectContaining({ to: owner.email, kind: 'support.staff-reply', tenantId: store.id })]);
    // The store's language is pt-BR (tenant.create's default), so the email is in Portuguese.
    expect(sent[0]!.subject).toBe('Re: [Suporte #1] Payments do not arrive');
    expect(sent[0]!.text).toContain('We found it: your Stripe key expired.');
    expect(sent[0]!.text).toContain(`/admin/support/${ticketId}`);

    const thread = await asOwner().support.get({ ticketId });
    expect(thread.ticket.status).toBe('WAITING_ON_TENANT');
    expect(thread.messages.map((m) => m.authorKind)).toEqual(['TENANT', 'STAFF']);
    // The store sees staff as "Vitrine support", never their email address.
    expect(thread.messages[1]!.author).toBe('staff (Vitrine support)');
    expect(JSON.stringify(thread)).not.toContain(staff.email);
  });

  it("the store's reply goes back to staff, by email to the assigned staff member", async () => {
    const before = (await emails()).length;
    expect(await asOwner().support.reply({ ticketId, body: 'Updated the key, thanks!' })).toMatchObject({ status: 'WAITING_ON_STAFF' });
    expect((await emails()).slice(before)).toEqual([expect.objectContaining({ to: staff.email, kind: 'support.store-reply' })]);
    const staffView = await asStaff().platformSupport.get({ ticketId });
    expect(staffView).toMatchObject({ assignedToMe: true, store: { id: store.id }, ticket: { status: 'WAITING_ON_STAFF' } });
    expect(staffView.messages.map((m) => m.body)).toEqual([
      'Since Monday no payment reached us.\n\nCan you check?',
      'We found it: your Stripe key expired.',
      'Updated the key, thanks!',
    ]);
  });

  it('closes, refuses replies while closed, reopens as waiting on staff', async () => {
    expect(await asOwner().support.close({ ticketId })).toMatchObject({ status: 'CLOSED' });
    await expectTRPCError(asOwner().support.close({ ticketId }), 'CONFLICT', /already closed/);
    await expectTRPCError(asOwner().support.reply({ ticketId, body: 'One more thing' }), 'CONFLICT', /closed/);
    await expectTRPCError(asStaff().platformSupport.reply({ ticketId, body: 'One more thing' }), 'CONFLICT', /closed/);
    expect((await asOwner().support.list({ status: 'ACTIVE' })).tickets.map((t) => t.number)).toEqual([2]);
    expect((await asStaff().platformSupport.queue({})).items.map((t) => t.number)).toEqual([2]);
    expect((await asStaff().platformSupport.queue({ status: 'CLOSED' })).items.map((t) => t.ticketId)).toEqual([ticketId]);

    expect(await asOwner().support.reopen({ ticketId })).toMatchObject({ status: 'WAITING_ON_STAFF' });
    await expectTRPCError(asOwner().support.reopen({ ticketId }), 'CONFLICT', /Only a closed ticket/);
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.supportTicket.findFirst({ where: { id: ticketId } })).toMatchObject({ status: 'WAITING_ON_STAFF', closedAt: null });
  });

  it('staff change status and priority, each audited with their identity; the index follows the ticket', async () => {
    await asStaff().platformSupport.setStatus({ ticketId, status: 'CLOSED' });
    await expectTRPCError(asStaff().platformSupport.setStatus({ ticketId, status: 'CLOSED' }), 'CONFLICT');
    await asStaff().platformSupport.setPriority({ ticketId, priority: 'URGENT' });
    await asStaff().platformSupport.assign({ ticketId, assignee: 'nobody' });
    await expectTRPCError(asStaff().platformSupport.setStatus({ ticketId, status: 'SOLVED' as never }), 'BAD_REQUEST');

    const index = await h.owner.supportTicketIndex.findUniqueOrThrow({ where: { ticketId } });
    const ticket = await (await h.db.forTenant(store.id)).supportTicket.findFirstOrThrow({ where: { id: ticketId } });
    expect(index).toMatchObject({ status: 'CLOSED', priority: 'URGENT', assignedStaffUserId: null, lastAuthorKind: 'TENANT', number: 1 });
    expect(index.lastMessageAt).toEqual(ticket.lastMessageAt);
    expect(ticket).toMatchObject({ status: 'CLOSED', priority: 'URGENT', closedAt: expect.any(Date) });

    const staffRows = (await h.auditRows(store.id)).filter((r) => r.actorPlatformUserId === staff.id);
    expect(staffRows.map((r) => r.action)).toEqual([
      'support.ticket_assigned',
      'support.staff_replied',
      'support.ticket_viewed_by_staff',
      'support.status_changed',
      'support.priority_changed',
      'support.ticket_assigned',
    ]);
    expect(staffRows.every((r) => r.actorUserId === null)).toBe(true);
    expect(staffRows[3]!.data).toMatchObject({ from: 'WAITING_ON_STAFF', to: 'CLOSED' });
  });

  it('writes nothing when the change fails: no message, no email, no index change', async () => {
    const tdb = await h.db.forTenant(store.id);
    const before = { messages: await tdb.supportMessage.count(), emails: (await emails()).length };
    await expectTRPCError(asOwner().support.reply({ ticketId, body: 'After closing' }), 'CONFLICT');
    await expectTRPCError(asOwner().support.open({ subject: 'x', body: 'y' }), 'BAD_REQUEST', /subject of at least 3/);
    await expectTRPCError(asOwner().support.reply({ ticketId, body: '   ' }), 'BAD_REQUEST', /Write a message/);
    expect({ messages: await tdb.supportMessage.count(), emails: (await emails()).length }).toEqual(before);
  });
});

describe('who may use support in a store', () => {
  it('OWNER and ADMIN always; STAFF only with the support permission', async () => {
    const admin = await h.createUser('admin');
    const helper = await h.createUser('helper');
    const clerk = await h.createUser('clerk');
    await h.addMember(store.id, admin, 'ADMIN');
    await h.addMember(store.id, helper, 'STAFF', ['support']);
    await h.addMember(store.id, clerk, 'STAFF', ['catalog', 'orders']);

    expect((await h.caller(admin, { tenantId: store.id }).support.list({})).tickets.length).toBeGreaterThan(0);
    const byHelper = await h.caller(helper, { tenantId: store.id }).support.open({ subject: 'From the helper', body: 'Hi there' });
    expect(byHelper.number).toBe(3);
    const clerkCaller = h.caller(clerk, { tenantId: store.id });
    await expectTRPCError(clerkCaller.support.list({}), 'FORBIDDEN', /support/);
    await expectTRPCError(clerkCaller.support.get({ ticketId: byHelper.id }), 'FORBIDDEN');
    await expectTRPCError(clerkCaller.support.open({ subject: 'Sneaky', body: 'Let me in' }), 'FORBIDDEN');
    await expectTRPCError(clerkCaller.support.reply({ ticketId: byHelper.id, body: 'Let me in' }), 'FORBIDDEN');
    await expectTRPCError(clerkCaller.support.close({ ticketId: byHelper.id }), 'FORBIDDEN');
  });

  it('without an assignee and without SUPPORT_EMAIL, a store message sends no email', async () => {
    const saved = process.env.SUPPORT_EMAIL;
    delete process.env.SUPPORT_EMAIL;
    try {
      expect(supportAddress()).toBeNull();
      const before = (await emails()).length;
      await asOwner().support.open({ subject: 'Quiet ticket', body: 'Nobody to tell' });
      expect((await emails()).length).toBe(before);
    } finally {
      process.env.SUPPORT_EMAIL = saved;
    }
    expect(supportAddress({ SUPPORT_EMAIL: 'not an email' })).toBeNull();
  });
});
