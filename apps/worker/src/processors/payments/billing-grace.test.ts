import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, createPrismaClient, type Database, type PrismaClient } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { createLogger } from '@vitrine/core/logger';
import { expireBillingGracePeriods } from './billing-grace.ts';
import { schedules } from '../index.ts';

let t: TestDatabase;
let db: Database;
let owner: PrismaClient;

beforeAll(async () => {
  t = await createTestDatabase('worker_billing_grace');
  db = createDatabase({ appDatabaseUrl: t.appUrl, keyRing: testKeyRing() });
  owner = createPrismaClient(t.ownerUrl, { maxConnections: 1 });
});
afterAll(async () => {
  await owner?.$disconnect();
  await db?.disconnect();
  await t?.drop();
});

const ctx = () => ({ db, log: createLogger('billing-grace-test', 'silent'), jobId: 'grace-1', attempt: 1, maxAttempts: 3 });

async function store(slug: string, graceEndsAt: Date, billingStatus: 'PAST_DUE' | 'CURRENT' = 'PAST_DUE') {
  const tenant = await owner.tenant.create({ data: { slug, name: slug, status: 'ACTIVE', billingStatus, planCode: 'basic' } });
  const user = await owner.user.create({ data: { email: `${slug}@owner.test` } });
  await owner.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: 'OWNER' } });
  await owner.tenantSubscription.create({
    data: { tenantId: tenant.id, stripeCustomerId: `cus_${slug}`, stripeSubscriptionId: `sub_${slug}`, status: 'past_due', pastDueSince: new Date(graceEndsAt.getTime() - 7 * 86_400_000), graceEndsAt },
  });
  return tenant.id;
}

describe('payments/billing.grace-expire', () => {
  it('is scheduled every 15 minutes', () => {
    expect(schedules).toContainEqual(expect.objectContaining({ queue: 'payments', name: 'billing.grace-expire', pattern: '*/15 * * * *' }));
  });

  it('restricts PAST_DUE stores whose grace ended, audits and emails the owner once; leaves the others', async () => {
    const expired = await store('grace-over', new Date(Date.now() - 60_000));
    const running = await store('grace-running', new Date(Date.now() + 86_400_000));
    const paid = await store('grace-paid', new Date(Date.now() - 60_000), 'CURRENT');

    expect(await expireBillingGracePeriods({}, ctx())).toEqual({ restricted: 1 });
    expect(await expireBillingGracePeriods({}, ctx())).toEqual({ restricted: 0 });

    const statuses = await owner.tenant.findMany({ where: { id: { in: [expired, running, paid] } }, select: { id: true, billingStatus: true } });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.billingStatus]))).toEqual({ [expired]: 'RESTRICTED', [running]: 'PAST_DUE', [paid]: 'CURRENT' });
    expect(await owner.auditLog.findMany({ where: { action: 'billing.restricted' }, select: { tenantId: true } })).toEqual([{ tenantId: expired }]);
    const emails = await owner.outboxJob.findMany({ where: { queue: 'email', payload: { path: ['kind'], equals: 'billing.restricted' } } });
    expect(emails.map((e) => (e.payload as { to: string }).to)).toEqual(['grace-over@owner.test']);
  });
});
