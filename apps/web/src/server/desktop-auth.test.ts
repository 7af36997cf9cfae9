import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createHash } from 'node:crypto';
import { createDatabase, createPrismaClient, type Database, type PrismaClient } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { desktopIdentity } from './desktop-auth.ts';

let testDb: TestDatabase;
let owner: PrismaClient;
let db: Database;
let ana: { id: string; email: string };
const token = `vtd_${'a'.repeat(43)}`;
const revoked = `vtd_${'b'.repeat(43)}`;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

beforeAll(async () => {
  testDb = await createTestDatabase('web_desktop_auth');
  owner = createPrismaClient(testDb.ownerUrl, { maxConnections: 2 });
  db = createDatabase({ appDatabaseUrl: testDb.appUrl, keyRing: testKeyRing(), maxConnections: 2 });
  ana = await owner.user.create({ data: { email: 'ana@desktop.test' }, select: { id: true, email: true } });
  await owner.desktopToken.create({ data: { userId: ana.id, name: 'Laptop', tokenHash: sha256(token) } });
  await owner.desktopToken.create({ data: { userId: ana.id, name: 'Old', tokenHash: sha256(revoked), revokedAt: new Date() } });
}, 60_000);

afterAll(async () => {
  await db?.disconnect();
  await owner?.$disconnect();
  await testDb?.drop();
});

const headers = (entries: Record<string, string>) => new Headers(entries);

async function unauthorized(call: Promise<unknown>): Promise<string> {
  const error = await call.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe('UNAUTHORIZED');
  return (error as TRPCError).message;
}

describe('desktopIdentity (bearer requests of the desktop app)', () => {
  it('is null without a bearer token, so the cookie session decides', async () => {
    expect(await desktopIdentity(db.platform, headers({ cookie: 'a=1' }))).toBeNull();
    expect(await desktopIdentity(db.platform, headers({ authorization: 'Basic YTpi' }))).toBeNull();
  });

  it('resolves a live token to its user and takes the store from x-tenant-id only', async () => {
    const identity = await desktopIdentity(db.platform, headers({ authorization: `Bearer ${token}`, 'x-tenant-id': 't_1', cookie: 'vitrine_tenant=t_2' }));
    const row = await owner.desktopToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    // The token's id rides along: the API gives each desktop token its own request budget and lets it sign itself out.
    expect(identity).toEqual({ user: { id: ana.id, email: ana.email, platformRole: 'NONE', desktopTokenId: row.id }, activeTenantId: 't_1' });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
    expect((await desktopIdentity(db.platform, headers({ authorization: `Bearer ${token}` })))?.activeTenantId).toBeNull();
  });

  it('refuses unknown, malformed and revoked tokens with 401 and a sentence', async () => {
    expect(await unauthorized(desktopIdentity(db.platform, headers({ authorization: `Bearer vtd_${'c'.repeat(43)}` })))).toMatch(/not valid/);
    expect(await unauthorized(desktopIdentity(db.platform, headers({ authorization: 'Bearer garbage' })))).toMatch(/not valid/);
    expect(await unauthorized(desktopIdentity(db.platform, headers({ authorization: 'Bearer' })))).toMatch(/not valid/);
    expect(await unauthorized(desktopIdentity(db.platform, headers({ authorization: `Bearer ${revoked}` })))).toMatch(/revoked/);
  });
});
