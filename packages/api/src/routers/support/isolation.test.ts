import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness, type Caller } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { twoStores, type TwoStores } from '../../test-support/two-stores.ts';

/**
 * Support never crosses stores: store A's people cannot list, read, answer, close or reopen store B's tickets by
 * any id; only platform staff see every store's tickets (through the platform-level index), and nobody else may
 * use the platform's side or edit the help center.
 */
let h: ApiHarness;
let s: TwoStores;
let bTicket: { id: string; number: number };
let aTicket: { id: string };

beforeAll(async () => {
  h = await createApiHarness('support_isolation');
  s = await twoStores(h, 'sup');
  bTicket = await s.asBob().support.open({ subject: 'Bob needs help', body: 'Secret details of store B' });
  aTicket = await s.asAlice().support.open({ subject: 'Alice needs help', body: 'About store A' });
});
afterAll(() => h?.close());

async function snapshotOfB() {
  const tdb = await h.db.forTenant(s.storeB.id);
  return {
    tickets: await tdb.supportTicket.findMany({ orderBy: { id: 'asc' } }),
    messages: await tdb.supportMessage.findMany({ orderBy: { id: 'asc' } }),
    index: await h.owner.supportTicketIndex.findMany({ where: { tenantId: s.storeB.id } }),
    audit: await tdb.auditLog.count(),
  };
}

describe("store A's admin and store B's tickets", () => {
  it('lists only the active store’s tickets', async () => {
    const list = await s.asAlice().support.list({ status: 'ALL' });
    expect(list.tickets.map((t) => t.id)).toEqual([aTicket.id]);
    expect(JSON.stringify(list)).not.toContain('Bob needs help');
  });

  it('gets NOT_FOUND for every action on B’s ticket id, and nothing in B changes', async () => {
    const before = await snapshotOfB();
    const jobs = await h.owner.outboxJob.count();
    await expectTRPCError(s.asAlice().support.get({ ticketId: bTicket.id }), 'NOT_FOUND');
    await expectTRPCError(s.asAlice().support.reply({ ticketId: bTicket.id, body: 'I am not Bob' }), 'NOT_FOUND');
    await expectTRPCError(s.asAlice().support.close({ ticketId: bTicket.id }), 'NOT_FOUND');
    await expectTRPCError(s.asAlice().support.reopen({ ticketId: bTicket.id }), 'NOT_FOUND');
    expect(await snapshotOfB()).toEqual(before);
    expect(await h.owner.outboxJob.count()).toBe(jobs);
  });

  it('is FORBIDDEN when switching the active store to B', async () => {
    const intoB = h.caller(s.alice, { tenantId: s.storeB.id });
    const calls: [string, (c: Caller) => Promise<unknown>][] = [
      ['support.list', (c) => c.support.list({})],
      ['support.get', (c) => c.support.get({ ticketId: bTicket.id })],
      ['support.open', (c) => c.support.open({ subject: 'Posing as B', body: 'Hello' })],
      ['support.reply', (c) => c.support.reply({ ticketId: bTicket.id, body: 'Hello' })],
      ['support.close', (c) => c.support.close({ ticketId: bTicket.id })],
      ['support.reopen', (c) => c.support.reopen({ ticketId: bTicket.id })],
    ];
    for (const [name, call] of calls) {
      const error = await expectTRPCError(call(intoB), 'FORBIDDEN');
      expect(error.message, name).toMatch(/access to this store/);
    }
  });

  it('a ticket created in A never takes a number or an index row in B', async () => {
    const indexA = await h.owner.supportTicketIndex.findMany({ where: { tenantId: s.storeA.id } });
    expect(indexA.map((r) => r.ticketId)).toEqual([aTicket.id]);
    expect(bTicket.number).toBe(1);
    expect((await s.asAlice().support.open({ subject: 'Second in A', body: 'Hi' })).number).toBe(2);
    expect((await s.asBob().support.open({ subject: 'Second in B', body: 'Hi' })).number).toBe(2);
  });
});

describe('the platform side is for platform staff only', () => {
  let nobody: SessionUser;
  beforeAll(async () => {
    nobody = await h.createUser('plain');
  });

  it('refuses store owners, plain users, forged sessions and anonymous callers', async () => {
    const forged = { ...s.alice, platformRole: 'SUPER_ADMIN' as const };
    for (const user of [s.alice, nobody, forged]) {
      const c = h.caller(user, { tenantId: s.storeA.id });
      await expectTRPCError(c.platformSupport.queue({}), 'FORBIDDEN', /platform administrators/);
      await expectTRPCError(c.platformSupport.get({ ticketId: bTicket.id }), 'FORBIDDEN');
      await expectTRPCError(c.platformSupport.reply({ ticketId: bTicket.id, body: 'Hi' }), 'FORBIDDEN');
      await expectTRPCError(c.platformSupport.assign({ ticketId: bTicket.id, assignee: 'me' }), 'FORBIDDEN');
      await expectTRPCError(c.platformSupport.setStatus({ ticketId: bTicket.id, status: 'CLOSED' }), 'FORBIDDEN');
      await expectTRPCError(c.platformSupport.setPriority({ ticketId: bTicket.id, priority: 'HIGH' }), 'FORBIDDEN');
      await expectTRPCError(c.help.editor.list(), 'FORBIDDEN');
      await expectTRPCError(
        c.help.editor.create({ slug: 'sneaky', locale: 'en', title: 'Sneaky', category: 'Hacks', body: 'This article should not exist.' }),
        'FORBIDDEN',
      );
    }
    await expectTRPCError(h.caller(null).platformSupport.queue({}), 'UNAUTHORIZED');
    expect(await h.owner.helpArticle.count()).toBe(0);
  });

  it('staff see both stores in the queue, and an unknown ticket id is NOT_FOUND', async () => {
    const staff = await h.createUser('root', 'SUPER_ADMIN');
    const queue = await h.caller(staff).platformSupport.queue({ status: 'ALL' });
    expect(new Set(queue.items.map((i) => i.tenantId))).toEqual(new Set([s.storeA.id, s.storeB.id]));
    const onlyB = await h.caller(staff).platformSupport.queue({ status: 'ALL', tenantId: s.storeB.id });
    expect(onlyB.items.every((i) => i.tenantId === s.storeB.id)).toBe(true);
    expect(onlyB.items).toHaveLength(2);
    await expectTRPCError(h.caller(staff).platformSupport.get({ ticketId: 'no-such-ticket' }), 'NOT_FOUND');
    await expectTRPCError(h.caller(staff).platformSupport.reply({ ticketId: 'no-such-ticket', body: 'Hi' }), 'NOT_FOUND');
  });
});
