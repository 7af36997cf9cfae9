import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createPrismaClient } from '@vitrine/db';
import { createDesktopApp, type DesktopApp } from '@vitrine/desktop/app';
import { createSwitchableProxy, exposeDesktopApp, memoryVault, RENDERER_DIST, serveRenderer, type SwitchableProxy } from '@vitrine/desktop/testing';
import { E2E_PORT, STATE_FILE } from './constants.ts';
import { SELLER } from './seed.ts';

/**
 * The seller's desktop app in Chromium: the built renderer, served through the shell's own app:// handler
 * (same files, same CSP), with the real main-process app behind `window.vitrine` (local store on disk, the
 * HTTP client, the outbox). The app reaches the real web app through a TCP proxy this spec cuts to take the
 * computer offline. The web app, the worker and the Mercado Livre sandbox run as in the other specs.
 */
const state = () => JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { ownerUrl: string; mlSandboxUrl: string };
const NICKNAME = 'E2E_DESKTOP';

let renderer: { url: string; close(): Promise<void> };
let proxy: SwitchableProxy;
let app: DesktopApp | undefined;
let dataDir: string;
let desktop: Page;
/** The desktop window lives across the tests (Playwright gives each test a fresh `page`). */
let desktopContext: BrowserContext;

async function signInOnWeb(page: Page, next = '/admin') {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(SELLER.email);
  await page.getByLabel('Password').fill(SELLER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 20_000 });
}

/** The platform's copy of the seller's open questions, oldest first (what the desktop queue must show). */
async function platformQuestions() {
  const db = createPrismaClient(state().ownerUrl, { maxConnections: 1 });
  try {
    const account = await db.mlAccount.findFirstOrThrow({ where: { nickname: NICKNAME } });
    const questions = await db.mlQuestion.findMany({ where: { accountId: account.id, status: 'UNANSWERED' }, orderBy: [{ dateCreated: 'asc' }, { id: 'asc' }] });
    const answers = await db.mlAnswer.findMany({ where: { accountId: account.id }, orderBy: { createdAt: 'asc' } });
    const orders = await db.mlOrder.findMany({ where: { accountId: account.id }, orderBy: { dateCreated: 'desc' } });
    return { account, questions, answers, orders };
  } finally {
    await db.$disconnect();
  }
}

test.describe.configure({ mode: 'serial' });

test.describe('seller desktop app', () => {
  test.beforeAll(async ({ browser }) => {
    desktopContext = await browser.newContext({ locale: 'en-US' });
    if (!(process.env.E2E_SKIP_BUILD && existsSync(join(RENDERER_DIST, 'index.html')))) {
      execFileSync('pnpm', ['--filter', '@vitrine/desktop', 'build:renderer'], { stdio: 'pipe' });
    }
    const created = await fetch(`${state().mlSandboxUrl}/__sandbox/sellers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nickname: NICKNAME, items: 3, orders: 5, questions: 4, seed: 23 }),
    });
    expect(created.status).toBe(201);
    renderer = await serveRenderer();
    proxy = await createSwitchableProxy({ host: '127.0.0.1', port: E2E_PORT });
    dataDir = await mkdtemp(join(tmpdir(), 'vitrine-e2e-desktop-'));
  });

  test.afterAll(async () => {
    await desktopContext?.close();
    await app?.close();
    await proxy?.close();
    await renderer?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test('the seller connects a Mercado Livre account to Beta Lamps on the web and its first syncs finish', async ({ page }) => {
    test.setTimeout(90_000);
    await signInOnWeb(page);
    await page.goto('/admin/mercadolivre');
    await page.getByRole('button', { name: 'Connect a Mercado Livre account' }).click();
    await page.getByTestId('ml-seller').selectOption(NICKNAME);
    await page.getByTestId('ml-authorize').click();
    await expect(page.getByTestId('ml-connected')).toContainText(`Connected ${NICKNAME}`);
    const account = page.getByTestId(`ml-account-${NICKNAME}`);
    for (const resource of ['ORDERS', 'QUESTIONS']) {
      await expect(account.getByTestId(`ml-run-${resource}`)).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 60_000 });
    }
  });

  test('the desktop app signs in through the browser, syncs, and shows the orders and the questions queue', async ({ page }) => {
    test.setTimeout(120_000);
    app = await createDesktopApp({ dataDir, platformUrl: proxy.url, vault: memoryVault(), deviceName: 'E2E desktop', syncIntervalMs: 3_000 });
    desktop = await desktopContext.newPage();
    const violations: string[] = [];
    desktop.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    await exposeDesktopApp(desktop, app);
    await desktop.goto(renderer.url);

    await desktop.getByRole('button', { name: 'Sign in with the browser' }).click();
    const code = (await desktop.getByTestId('user-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);

    // The person approves on the web, signed in as the seller.
    await signInOnWeb(page, `/desktop/activate?code=${code}`);
    await page.getByRole('button', { name: 'Sign in E2E desktop' }).click();
    await expect(page.getByTestId('desktop-approved')).toContainText('E2E desktop is signed in');

    await expect(desktop.getByTestId('connection')).toHaveText('Online', { timeout: 20_000 });
    // The app polls every few seconds, and a poll lost on a busy machine is retried after the client's 20 s timeout.
    await expect(desktop.getByTestId('last-sync')).not.toHaveText(/never/i, { timeout: 60_000 });

    const { questions, orders } = await platformQuestions();
    expect(questions.length).toBe(4);
    await expect(desktop.getByTestId('queue-item')).toHaveCount(questions.length);
    await expect(desktop.getByTestId('current-question').getByTestId('question-text')).toHaveText(questions[0]!.text);

    await desktop.getByTestId('nav-orders').click();
    await expect(desktop.getByTestId('order-row')).toHaveCount(orders.length);
    const order = orders[0]!;
    await desktop.getByLabel('Search orders').fill(order.mlOrderId.toString());
    await expect(desktop.getByTestId('order-row')).toHaveCount(1);
    await desktop.getByTestId('order-row').first().click();
    await expect(desktop.getByTestId('order-detail')).toContainText(order.mlOrderId.toString());
    expect(violations.filter((v) => /Content Security Policy/i.test(v))).toEqual([]);
  });

  test('offline: three answers are written; one is answered on the web meanwhile; back online two are delivered once and one conflict keeps its text', async ({ page }) => {
    test.setTimeout(120_000);
    const before = await platformQuestions();
    const [q0, q1, q2] = before.questions;

    // A template with placeholders, used for the third answer with its shortcut.
    await desktop.getByTestId('nav-templates').click();
    await desktop.getByLabel('Name').fill('Prazo');
    await desktop.getByLabel('Text').fill('Olá! O envio de {item} sai hoje. Obrigado, {store}.');
    await desktop.getByRole('button', { name: 'Save' }).click();
    await expect(desktop.getByTestId('template')).toHaveCount(1);

    await proxy.cut();
    await desktop.getByRole('button', { name: 'Sync now' }).click();
    await expect(desktop.getByTestId('connection')).toHaveText('Offline');

    await desktop.getByTestId('nav-questions').click();
    const answerBox = desktop.getByLabel('Answer', { exact: true });
    const current = desktop.getByTestId('current-question').getByTestId('question-text');
    await expect(current).toHaveText(q0!.text);
    await answerBox.fill('Temos sim, pronta entrega.');
    await answerBox.press('Control+Enter');
    await expect(desktop.getByTestId('answer-notice')).toHaveText('Queued — will be sent when online');

    await expect(current).toHaveText(q1!.text);
    await answerBox.fill('Sim, funciona em 110 e 220 V.');
    await desktop.getByRole('button', { name: 'Send answer' }).click();

    await expect(current).toHaveText(q2!.text);
    await answerBox.press('Escape');
    await desktop.keyboard.press('1');
    await expect(answerBox).toHaveValue(/^Olá! O envio de .+ sai hoje\. Obrigado, Beta Lamps\.$/);
    const templated = await answerBox.inputValue();
    await answerBox.press('Control+Enter');
    await expect(desktop.getByTestId('queue-item')).toHaveCount(1);
    await expect(desktop.getByTestId('outbox-counts')).toContainText('3');

    // Meanwhile the second question is answered on the web's queue.
    await signInOnWeb(page, `/admin/mercadolivre/questions/queue?start=${q1!.id}`);
    await expect(page.getByTestId('ml-queue-question')).toHaveText(q1!.text);
    await page.getByLabel('Your answer').fill('Respondido pelo site: bivolt.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await expect(page.getByTestId('ml-answer-outcome')).toHaveText('Sent', { timeout: 30_000 });

    // Back online: the outbox is sent; the conflict is shown with the text kept.
    await proxy.restore();
    await desktop.getByRole('button', { name: 'Sync now' }).click();
    await expect(desktop.getByTestId('connection')).toHaveText('Online', { timeout: 20_000 });
    await desktop.getByTestId('nav-outbox').click();
    const conflict = desktop.getByTestId('conflict');
    await expect(conflict).toHaveCount(1, { timeout: 20_000 });
    await expect(conflict).toContainText(q1!.text);
    await expect(conflict.getByTestId('outbox-answer')).toHaveText('Sim, funciona em 110 e 220 V.');
    await expect(desktop.getByTestId('sent')).toHaveCount(2);

    // Each delivered answer is on the platform once, and the worker posts it to Mercado Livre.
    await expect
      .poll(async () => {
        const { answers } = await platformQuestions();
        return answers.map((a) => [a.mlQuestionId.toString(), a.text, a.status]).sort();
      }, { timeout: 30_000 })
      .toEqual(
        [
          [q0!.mlQuestionId.toString(), 'Temos sim, pronta entrega.', 'SENT'],
          [q1!.mlQuestionId.toString(), 'Respondido pelo site: bivolt.', 'SENT'],
          [q2!.mlQuestionId.toString(), templated, 'SENT'],
        ].sort(),
      );

    // The seller copies the refused text, then discards it.
    await desktopContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: renderer.url });
    await conflict.getByRole('button', { name: 'Copy text' }).click();
    await expect(conflict).toContainText('Copied');
    expect(await desktop.evaluate(() => navigator.clipboard.readText())).toBe('Sim, funciona em 110 e 220 V.');
    await conflict.getByRole('button', { name: 'Discard' }).click();
    await expect(desktop.getByTestId('conflict')).toHaveCount(0);
  });

  test('a question asked on Mercado Livre reaches the app and is announced', async () => {
    test.setTimeout(90_000);
    const { account } = await platformQuestions();
    const text = `Chega até sexta? ${Date.now()}`;
    const asked = await fetch(`${state().mlSandboxUrl}/__sandbox/questions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sellerId: Number(account.mlUserId), text }),
    });
    expect(asked.status).toBe(201);
    await desktop.getByTestId('nav-questions').click();
    await expect(desktop.getByTestId('toast')).toContainText('1 new question', { timeout: 45_000 });
    await expect(desktop.getByTestId('queue-item').filter({ hasText: text })).toHaveCount(1);
  });
});
