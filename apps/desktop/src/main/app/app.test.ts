import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, serveApiOverHttp, type ApiHarness, type ApiHttpServer } from '@vitrine/api/testing';
import type { AppStatus, BridgeEvent } from '../../shared/bridge.ts';
import { memoryVault } from '../../test-support/memory-vault.ts';
import { createDesktopApp } from './app.ts';
import { createBridgeHandler } from './bridge-handler.ts';
import { settingsFile } from './settings.ts';
import type { DesktopApp } from './types.ts';

/**
 * The desktop app as the shell runs it: the platform's real router over real HTTP (a socket that `stop()`
 * really closes), a local store on disk, the token in a vault. Only the Electron window is missing.
 */
let h: ApiHarness;
let server: ApiHttpServer;
let dataDir: string;
let tenantId: string;
let accountId: string;
let ana: Awaited<ReturnType<ApiHarness['createUser']>>;
let app: DesktopApp;
const vault = memoryVault();
const events: BridgeEvent[] = [];

const SETTLED = 2_300; // the change feed's settling window and a margin
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting; last value: ${JSON.stringify(value)}`);
    await sleep(100);
  }
}

let questionSeq = 0;
async function addQuestion(text: string) {
  const tdb = await h.db.forTenant(tenantId);
  questionSeq += 1;
  return tdb.mlQuestion.create({
    data: { tenantId, accountId, mlQuestionId: 14_000_000_000n + BigInt(questionSeq), mlItemId: 'MLB7', buyerId: 88n, text, status: 'UNANSWERED', dateCreated: new Date(Date.UTC(2026, 10, 3, questionSeq)) },
  });
}

async function serverAnswers() {
  const tdb = await h.db.forTenant(tenantId);
  return tdb.mlAnswer.findMany({ orderBy: { createdAt: 'asc' } });
}

const open = (vaultToUse = vault) =>
  createDesktopApp({ dataDir, platformUrl: server.url, vault: vaultToUse, deviceName: 'Test PC', syncIntervalMs: 60_000 }).then((created) => {
    created.subscribe((event) => events.push(event));
    return created;
  });

beforeAll(async () => {
  h = await createApiHarness('desktop_app');
  ana = await h.createUser('ana-desktop-app');
  tenantId = (await h.createStore(ana, 'desktop-app')).id;
  const tdb = await h.db.forTenant(tenantId);
  accountId = (await tdb.mlAccount.create({ data: { tenantId, mlUserId: 556_000n, nickname: 'LOJA_APP', siteId: 'MLB' } })).id;
  for (let i = 1; i <= 3; i += 1) {
    await tdb.mlOrder.create({
      data: {
        tenantId, accountId, mlOrderId: 3_000_000_000n + BigInt(i), status: 'paid', buyerId: 88n, buyerNickname: 'MARIA_COMPRAS', totalMinor: 4990n,
        currency: 'BRL', dateCreated: new Date(Date.UTC(2026, 10, 1, 12, i)),
        items: { create: [{ mlItemId: 'MLB7', title: `Luminária Açúcar ${i}`, quantity: 1, unitPriceMinor: 4990n, currency: 'BRL' }] },
      },
    });
  }
  for (const text of ['Tem em azul?', 'Serve em 220 V?', 'Qual o prazo?', 'Vem com lâmpada?']) await addQuestion(text);
  server = await serveApiOverHttp(h);
  dataDir = await mkdtemp(join(tmpdir(), 'vitrine-desktop-app-'));
  await sleep(SETTLED);
});

afterAll(async () => {
  await app?.close();
  await server?.close();
  await h?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the desktop app', () => {
  it('signs in through the web (device flow), opens the only store, syncs it and reads it from disk', async () => {
    app = await open();
    expect(await app.api.status()).toMatchObject({ phase: 'signed-out', user: null, store: null });

    const prompt = await app.api.startSignIn({ deviceName: 'Test PC' });
    expect(prompt.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect((await app.api.status()).phase).toBe('signing-in');
    // The activation page belongs to the platform's APP_URL, which is not the address this app talks to here.
    await expect(app.api.openSignInPage()).rejects.toThrow(/not on the platform/);

    await h.caller(ana).desktop.approve({ userCode: prompt.userCode });
    const ready = await waitFor(app.api.status, (s) => s.phase === 'ready' && s.lastSyncedAt !== null);
    expect(ready).toMatchObject({ connection: 'online', user: { email: ana.email }, store: { id: tenantId, slug: 'desktop-app' }, error: null, progress: null });
    expect(vault.token).toMatch(/^vtd_/);
    expect(JSON.parse(await readFile(settingsFile(dataDir), 'utf8'))).toMatchObject({ store: { id: tenantId } });
    expect(JSON.stringify(JSON.parse(await readFile(settingsFile(dataDir), 'utf8')))).not.toContain(vault.token!);

    expect(await app.api.accounts()).toEqual([expect.objectContaining({ id: accountId, nickname: 'LOJA_APP', unanswered: 4 })]);
    const found = await app.api.orders({ q: 'acucar 2' });
    expect(found.orders.map((o) => o.mlOrderId)).toEqual(['3000000002']);
    expect(found.orders[0]).toMatchObject({ buyerNickname: 'MARIA_COMPRAS', totalMinor: '4990', dateCreated: '2026-11-01T12:02:00.000Z' });
    const queue = await app.api.questions({});
    expect(queue.map((q) => q.text)).toEqual(['Tem em azul?', 'Serve em 220 V?', 'Qual o prazo?', 'Vem com lâmpada?']);
    expect(queue[1]).toMatchObject({ buyerNickname: 'MARIA_COMPRAS', itemTitle: expect.stringMatching(/^Luminária Açúcar/) });
    expect(queue[1]!.earlierQuestions.map((e) => e.text)).toEqual(['Tem em azul?']);
    expect(events.some((e) => e.type === 'status' && e.status.progress !== null)).toBe(true);
  });

  it('offline: answers wait in the outbox; back online each is delivered once, and one answered elsewhere is a conflict that keeps its text', async () => {
    const [q0, q1, q2] = await app.api.questions({});
    await server.stop();
    expect(await app.api.syncNow()).toMatchObject({ connection: 'offline' });

    for (const [q, text] of [[q0!, 'Temos sim, em azul.'], [q1!, 'Sim, bivolt.'], [q2!, 'Enviamos amanhã.']] as const) {
      expect(await app.api.answer({ questionId: q.id, text })).toMatchObject({ status: 'pending', questionText: q.text, text });
    }
    await waitFor(app.api.status, (s) => s.outbox.pending === 3 && s.connection === 'offline');
    expect((await app.api.questions({})).map((q) => q.text)).toEqual(['Vem com lâmpada?']);
    await expect(app.api.answer({ questionId: q0!.id, text: 'Again' })).rejects.toThrow(/already waiting/);

    // Meanwhile the second question is answered on the web.
    await h.caller(ana, { tenantId }).mercadolivre.answer({ questionId: q1!.id, text: 'Respondido no site.', idempotencyKey: 'web-app-answer-1' });

    await server.start();
    const back = await app.api.syncNow();
    expect(back).toMatchObject({ connection: 'online', outbox: { pending: 0, conflicts: 1 }, error: null });
    const outbox = await app.api.outbox();
    expect(outbox.map((i) => [i.questionId, i.status])).toEqual([[q0!.id, 'sent'], [q1!.id, 'conflict'], [q2!.id, 'sent']]);
    expect(outbox[1]).toMatchObject({ text: 'Sim, bivolt.', questionText: 'Serve em 220 V?', error: expect.any(String) });
    const answers = await serverAnswers();
    expect(answers.map((a) => a.text).sort()).toEqual(['Enviamos amanhã.', 'Respondido no site.', 'Temos sim, em azul.']);

    // A second sync sends nothing again; discarding the conflict empties the outbox.
    await app.api.syncNow();
    expect(await serverAnswers()).toHaveLength(3);
    await app.api.discardAnswer({ id: outbox[1]!.id });
    expect((await app.api.status()).outbox).toEqual({ pending: 0, conflicts: 0 });
    await expect(app.api.discardAnswer({ id: outbox[0]!.id })).rejects.toThrow(/already sent or discarded/);
  });

  it('tells about questions that arrive with a sync', async () => {
    const fresh = await addQuestion('Aceita Pix?');
    await sleep(SETTLED);
    events.length = 0;
    await app.api.syncNow();
    const told = events.filter((e): e is Extract<BridgeEvent, { type: 'new-questions' }> => e.type === 'new-questions');
    expect(told).toEqual([{ type: 'new-questions', questions: [{ id: fresh.id, accountId, text: 'Aceita Pix?' }] }]);
  });

  it('after a restart, opens the same store from disk with no network', async () => {
    await app.close();
    await server.stop();
    app = await open();
    const status = await app.api.status();
    expect(status).toMatchObject({ phase: 'ready', store: { id: tenantId } });
    expect(status.lastSyncedAt).not.toBeNull();
    expect((await app.api.orders({})).orders).toHaveLength(3);
    await waitFor(app.api.status, (s) => s.connection === 'offline');
    await server.start();
    await waitFor(app.api.status, (s: AppStatus) => s.connection === 'online');
  });

  it('refuses bad input from the renderer with a sentence', async () => {
    const call = createBridgeHandler(app.api);
    await expect(call('answer', { questionId: 'x', text: '   ' })).rejects.toThrow('Write an answer before sending it');
    await expect(call('answer', { questionId: 'x', text: 'a'.repeat(2001) })).rejects.toThrow(/at most 2000 characters/);
    await expect(call('answer', { questionId: 'nope', text: 'Oi' })).rejects.toThrow(/not on this computer/);
    await expect(call('orders', { limit: 'ten' })).rejects.toThrow();
    await expect(call('orders', { from: 'yesterday' })).rejects.toThrow('Use a valid date');
    await expect(call('readFile', { path: '/etc/passwd' })).rejects.toThrow('Unknown action: readFile');
    await expect(call('status', { extra: 1 })).rejects.toThrow();
    expect(await call('status', undefined)).toMatchObject({ phase: 'ready' });
  });

  it('keeps answer templates, names unique', async () => {
    const saved = await app.api.saveTemplate({ name: 'Prazo', body: 'Olá {buyer}, o {item} sai em 24 h.' });
    await expect(app.api.saveTemplate({ name: 'prazo', body: 'outro' })).rejects.toThrow(/already exists/);
    const edited = await app.api.saveTemplate({ id: saved.id, name: 'Prazo de envio', body: saved.body });
    expect(await app.api.templates()).toEqual([edited]);
    await app.api.deleteTemplate({ id: saved.id });
    expect(await app.api.templates()).toEqual([]);
  });

  it('signs out when the token is revoked on the web, and Sign out revokes it on the platform', async () => {
    const [row] = (await h.caller(ana).desktop.tokens()).filter((t) => t.revokedAt === null);
    await h.caller(ana).desktop.revoke({ tokenId: row!.id });
    const after = await app.api.syncNow();
    expect(after).toMatchObject({ phase: 'signed-out', store: null, error: expect.stringMatching(/revoked/) });
    expect(vault.token).toBeNull();
    await expect(app.api.orders({})).rejects.toThrow('Sign in and choose a store first.');

    // Sign in again, then sign out from the app: the platform refuses that token afterwards.
    const prompt = await app.api.startSignIn({ deviceName: 'Test PC' });
    await h.caller(ana).desktop.approve({ userCode: prompt.userCode });
    await waitFor(app.api.status, (s) => s.phase === 'ready');
    const token = vault.token!;
    expect((await app.api.signOut()).phase).toBe('signed-out');
    await expect(h.bearerCaller(`Bearer ${token}`)).rejects.toThrow(/revoked/);
  });
});
