import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, sealDedicatedUrls, type PrismaClient } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';

/**
 * A store on a dedicated database keeps its tickets, their index rows and their outbox rows there (one
 * transaction); the staff queue reads that database as well as the pooled one.
 */
let h: ApiHarness;
let dedicatedDb: TestDatabase;
let staff: SessionUser;
let pooledOwner: SessionUser;
let dedicatedOwner: SessionUser;
let pooled: { id: string };
let dedicated: { id: string; slug: string };

/** The dedicated database as its owner (fixtures and checks only). */
let far: PrismaClient;

beforeAll(async () => {
  h = await createApiHarness('support_dedicated');
  dedicatedDb = await createTestDatabase('support_dedicated_tenant');
  far = createPrismaClient(dedicatedDb.ownerUrl, { maxConnections: 2 });
  staff = await h.createUser('root', 'SUPER_ADMIN');
  pooledOwner = await h.createUser('pooled');
  dedicatedOwner = await h.createUser('dedicated');
  pooled = await h.createStore(pooledOwner, 'sup-pooled');
  dedicated = await h.createStore(dedicatedOwner, 'sup-dedicated', 'Dedicated Store');

  // What a move to a dedicated database leaves there for this test: the tenant row, its owner and membership.
  await far.tenant.create({ data: { id: dedicated.id, slug: dedicated.slug, name: 'Dedicated Store' } });
  await far.user.create({ data: { id: dedicatedOwner.id, email: dedicatedOwner.email } });
  await far.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.tenant_id', ${dedicated.id}, true)`;
    await tx.membership.create({ data: { tenantId: dedicated.id, userId: dedicatedOwner.id, role: 'OWNER' } });
  });
  const sealed = sealDedicatedUrls(dedicated.id, { app: dedicatedDb.appUrl, owner: dedicatedDb.ownerUrl }, testKeyRing());
  await h.owner.tenant.update({ where: { id: dedicated.id }, data: { databaseUrlEnc: sealed } });
  h.db.invalidateRouting(dedicated.id);
});
afterAll(async () => {
  await far?.$disconnect();
  await h?.close();
  await dedicatedDb?.drop();
});

describe('support with a dedicated store', () => {
  it('keeps the ticket, its index row and its email in the dedicated database, and staff still find and answer it', async () => {
    const inDedicated = await h.caller(dedicatedOwner, { tenantId: dedicated.id }).support.open({ subject: 'From the dedicated store', body: 'Hello from far away' });
    const inPooled = await h.caller(pooledOwner, { tenantId: pooled.id }).support.open({ subject: 'From the pooled store', body: 'Hello from here' });

    expect(await far.supportTicketIndex.findMany({ select: { ticketId: true } })).toEqual([{ ticketId: inDedicated.id }]);
    expect(await h.owner.supportTicketIndex.findMany({ select: { ticketId: true } })).toEqual([{ ticketId: inPooled.id }]);

    const queue = await h.caller(staff).platformSupport.queue({});
    expect(queue.items.map((i) => i.ticketId)).toEqual([inPooled.id, inDedicated.id]);
    expect(queue.items[1]).toMatchObject({ store: { name: 'Dedicated Store' }, subject: 'From the dedicated store' });
    const onlyDedicated = await h.caller(staff).platformSupport.queue({ tenantId: dedicated.id });
    expect(onlyDedicated.items.map((i) => i.ticketId)).toEqual([inDedicated.id]);

    // Paging merges both databases in one order.
    const first = await h.caller(staff).platformSupport.queue({ limit: 1 });
    const second = await h.caller(staff).platformSupport.queue({ limit: 1, cursor: first.nextCursor ?? undefined });
    expect([...first.items, ...second.items].map((i) => i.ticketId)).toEqual([inPooled.id, inDedicated.id]);
    expect(second.nextCursor).toBeNull();

    const thread = await h.caller(staff).platformSupport.get({ ticketId: inDedicated.id });
    expect(thread.messages.map((m) => m.body)).toEqual(['Hello from far away']);
    await h.caller(staff).platformSupport.reply({ ticketId: inDedicated.id, body: 'Answered across databases' });
    const outbox = await far.outboxJob.findMany({ where: { name: 'email.send' } });
    expect(outbox.map((j) => j.payload)).toContainEqual(expect.objectContaining({ to: dedicatedOwner.email, kind: 'support.staff-reply' }));
    expect(await far.supportTicketIndex.findMany({ select: { status: true } })).toEqual([{ status: 'WAITING_ON_TENANT' }]);
  });
});
