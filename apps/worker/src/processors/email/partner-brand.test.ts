import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, createPrismaClient, type Database, type PrismaClient } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { createLogger } from '@vitrine/core/logger';
import { startMailCatcher, type MailCatcher } from '@vitrine/mail/catcher';
import { createMailer, type Mailer } from '@vitrine/mail';
import { processors } from '../index.ts';

let t: TestDatabase;
let db: Database;
let owner: PrismaClient;
let catcher: MailCatcher;
let mailer: Mailer;

beforeAll(async () => {
  t = await createTestDatabase('worker_email_partner');
  db = createDatabase({ appDatabaseUrl: t.appUrl, keyRing: testKeyRing() });
  owner = createPrismaClient(t.ownerUrl, { maxConnections: 1 });
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  mailer = createMailer({ smtpUrl: catcher.smtpUrl, from: 'Vitrine <no-reply@vitrine.localhost>' });
});

afterAll(async () => {
  mailer?.close();
  await catcher?.stop();
  await owner?.$disconnect();
  await db?.disconnect();
  await t?.drop();
});

describe('email/email.send for a partner’s store', () => {
  it('goes out under the partner’s product name; other stores’ emails stay Vitrine’s', async () => {
    const partner = await owner.partner.create({ data: { name: 'Acme Resale', slug: 'acme', productName: 'Acme Shops', supportEmail: 'help@acme.test' } });
    const client = await owner.tenant.create({ data: { slug: 'acme-client', name: 'Acme Client', partnerId: partner.id } });
    const direct = await owner.tenant.create({ data: { slug: 'direct', name: 'Direct' } });
    const ctx = { db, log: createLogger('email-test', 'silent'), jobId: 'j', attempt: 1, maxAttempts: 5, mailer };
    const send = processors.email['email.send'];
    await send({ to: 'member@acme-client.test', subject: 'Hello partner', text: 'hi', kind: 'test', tenantId: client.id }, ctx);
    await send({ to: 'member@direct.test', subject: 'Hello direct', text: 'hi', kind: 'test', tenantId: direct.id }, ctx);

    const read = async (to: string) => ((await (await fetch(`${catcher.httpUrl}/messages?to=${encodeURIComponent(to)}`)).json()) as { from: string }[])[0]!;
    expect((await read('member@acme-client.test')).from).toBe('"Acme Shops" <no-reply@vitrine.localhost>');
    expect((await read('member@direct.test')).from).toBe('"Vitrine" <no-reply@vitrine.localhost>');
  });
});
