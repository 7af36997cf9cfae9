import { expect, test, type Browser, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { emailTo } from './mail-inbox.ts';


const step = () => Math.floor(Date.now() / 30_000);

/** A TOTP code from a time step after `afterStep` (waits for the next step when needed), and that step. */
async function freshCode(secret: string, afterStep: number): Promise<{ code: string; step: number }> {
  while (step() <= afterStep) await new Promise((resolve) => setTimeout(resolve, 500));
  const now = step();
  return { code: await generate({ secret, epoch: now * 30 + 1 }), step: now };
}

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test.describe('account security', () => {
  test('verify the email, turn on 2FA, sign in with codes, links and a reset that closes other sessions', async ({ page, browser }) => {
    test.setTimeout(180_000);
    const email = `identity-${Date.now()}@example.com`;
    const password = 'first-password-123';
    const started = Date.now();

    await test.step('sign up: the verification email arrives and its link confirms the address', async () => {
      await page.goto('/signup');
      await page.getByLabel('Your name').fill('Iris Identity');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page).toHaveURL(/\/admin\/stores\/new$/);
      await expect(page.getByText(`Confirm your email address: we sent a link to ${email}.`)).toBeVisible();

      const verification = await emailTo(email, 'Confirm your email address', started);
      const link = verification.links.find((l) => l.includes('/verify-email?token='));
      expect(link).toBeTruthy();
      await page.goto(link!);
      await expect(page.getByText(`Thank you: ${email} is confirmed.`)).toBeVisible();
      await page.goto('/admin/stores/new');
      await expect(page.getByText('Confirm your email address')).toHaveCount(0);
      // The link works once.
      await page.goto(link!);
      await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
    });

    let secret = '';
    let lastStep = 0;
    let recoveryCodes: string[] = [];
    await test.step('turn on two-factor authentication with a code computed from the shown secret', async () => {
      await page.goto('/admin/account/security');
      await expect(page.getByText('This browser')).toBeVisible();
      await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
      await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
      secret = (await page.getByTestId('totp-secret').textContent())!.trim();
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

      await page.getByLabel('Code from your authenticator app').fill('000000');
      await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
      await expect(page.getByText('That code is not right.')).toBeVisible();

      const first = await freshCode(secret, 0);
      lastStep = first.step;
      await page.getByLabel('Code from your authenticator app').fill(first.code);
      await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
      const list = page.getByRole('list', { name: 'Your recovery codes' });
      await expect(list.getByRole('listitem')).toHaveCount(10);
      recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
      expect(new Set(recoveryCodes).size).toBe(10);

      // The replay check: the code that turned 2FA on is refused at the next sign-in.
      await signOut(page);
      await signInWithPassword(page, email, password);
      await expect(page).toHaveURL(/\/login\/two-factor$/);
      // Nothing is open before the second step.
      await page.goto('/admin');
      await expect(page).toHaveURL(/\/login/);
      await page.goto('/login/two-factor');
      await page.getByLabel('Authentication or recovery code').fill(first.code);
      await page.getByRole('button', { name: 'Verify' }).click();
      await expect(page.getByText('That code is not valid or was already used.')).toBeVisible();

      // A recovery code works once.
      await page.getByLabel('Authentication or recovery code').fill(recoveryCodes[0]!);
      await page.getByRole('button', { name: 'Verify' }).click();
      await expect(page).toHaveURL(/\/admin/);
      await page.goto('/admin/account/security');
      await expect(page.getByText('9 unused recovery codes left.')).toBeVisible();
    });

    await test.step('a used recovery code is refused; a fresh code from the next time step signs in', async () => {
      await signOut(page);
      await signInWithPassword(page, email, password);
      await expect(page).toHaveURL(/\/login\/two-factor$/);
      await page.getByLabel('Authentication or recovery code').fill(recoveryCodes[0]!);
      await page.getByRole('button', { name: 'Verify' }).click();
      await expect(page.getByText('That code is not valid or was already used.')).toBeVisible();
      const next = await freshCode(secret, lastStep);
      lastStep = next.step;
      await page.getByLabel('Authentication or recovery code').fill(next.code);
      await page.getByRole('button', { name: 'Verify' }).click();
      await expect(page).toHaveURL(/\/admin/);
    });

    await test.step('magic link: the emailed link signs in, then asks for the second factor', async () => {
      await signOut(page);
      const since = Date.now();
      await page.getByLabel('Your address for the link').fill(email);
      await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
      await expect(page.getByText('If an account exists for that address, we sent it a sign-in link.')).toBeVisible();
      const message = await emailTo(email, 'Your Vitrine sign-in link', since);
      const link = message.links.find((l) => l.includes('/login/link?token='))!;
      await page.goto(link);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page).toHaveURL(/\/login\/two-factor$/);
      await page.getByLabel('Authentication or recovery code').fill(recoveryCodes[1]!);
      await page.getByRole('button', { name: 'Verify' }).click();
      await expect(page).toHaveURL(/\/admin/);
      // The link was used up.
      await page.goto(link);
      await expect(page.getByText('This sign-in link has expired or was already used.')).toBeVisible();
    });

    await test.step('sessions: another browser is listed and can be signed out from here', async () => {
      const other = await newPage(browser);
      await signInWithPassword(other, email, password);
      await other.getByLabel('Authentication or recovery code').fill(recoveryCodes[2]!);
      await other.getByRole('button', { name: 'Verify' }).click();
      await expect(other).toHaveURL(/\/admin/);

      await page.goto('/admin/account/security');
      const rows = page.locator('tr[data-session-id]');
      await expect(rows).toHaveCount(2);
      await rows.filter({ hasNot: page.getByText('This browser') }).getByRole('button', { name: /^Sign out / }).click();
      await expect(rows).toHaveCount(1);
      await other.goto('/admin');
      await expect(other).toHaveURL(/\/login/);
      await other.context().close();
    });

    await test.step('password reset: the same answer for any address, and every session closes', async () => {
      const other = await newPage(browser);
      await other.goto('/forgot-password');
      await other.getByLabel('Email').fill(`nobody-${Date.now()}@example.com`);
      await other.getByRole('button', { name: 'Email me a reset link' }).click();
      const sentence = 'If an account exists for that address, we sent it a link to choose a new password. The link expires in 30 minutes.';
      await expect(other.getByText(sentence)).toBeVisible();

      const since = Date.now();
      await other.getByLabel('Email').fill(email);
      await other.getByRole('button', { name: 'Email me a reset link' }).click();
      await expect(other.getByText(sentence)).toBeVisible();
      const message = await emailTo(email, 'Reset your Vitrine password', since);
      const link = message.links.find((l) => l.includes('/reset-password?token='))!;
      await other.goto(link);
      await other.getByLabel('New password', { exact: true }).fill('second-password-456');
      await other.getByLabel('New password again').fill('second-password-456');
      await other.getByRole('button', { name: 'Save the new password' }).click();
      await expect(other).toHaveURL(/\/login\?reset=1$/);

      // The first browser was signed out by the reset.
      await page.goto('/admin');
      await expect(page).toHaveURL(/\/login/);
      // The old password no longer works; the new one does (with the second factor).
      await signInWithPassword(page, email, password);
      await expect(page.locator('.v-alert')).toHaveText('That email and password do not match an account.');
      await signInWithPassword(page, email, 'second-password-456');
      await expect(page).toHaveURL(/\/login\/two-factor$/);
      await page.getByLabel('Authentication or recovery code').fill(recoveryCodes[3]!);
      await page.getByRole('button', { name: 'Verify' }).click();
      await expect(page).toHaveURL(/\/admin/);
      // The reset link was used up.
      await other.goto(link);
      await expect(other.getByText('This reset link has expired or was already used.')).toBeVisible();
      await other.context().close();
    });

    await test.step('new recovery codes replace the old ones, after a current code', async () => {
      await page.goto('/admin/account/security');
      await page.locator('#regenerate-code').fill('000000');
      await page.getByRole('button', { name: 'Get new recovery codes' }).click();
      await expect(page.getByText('That code is not valid or was already used.')).toBeVisible();
      const fresh = await freshCode(secret, lastStep);
      lastStep = fresh.step;
      await page.locator('#regenerate-code').fill(fresh.code);
      await page.getByRole('button', { name: 'Get new recovery codes' }).click();
      await expect(page.getByText('Here are your new recovery codes. The old ones no longer work.')).toBeVisible();
      const list = page.getByRole('list', { name: 'Your recovery codes' });
      await expect(list.getByRole('listitem')).toHaveCount(10);
      const renewed = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
      expect(renewed.filter((c) => recoveryCodes.includes(c))).toEqual([]);
      await page.goto('/admin/account/security');
      await expect(page.getByText('10 unused recovery codes left.')).toBeVisible();

      // An old, never used code is refused now; a new one signs in.
      await signOut(page);
      await signInWithPassword(page, email, 'second-password-456');
      await page.getByLabel('Authentication or recovery code').fill(recoveryCodes[5]!);
      await page.getByRole('button', { name: 'Verify' }).click();
      await expect(page.getByText('That code is not valid or was already used.')).toBeVisible();
      await page.getByLabel('Authentication or recovery code').fill(renewed[0]!);
      await page.getByRole('button', { name: 'Verify' }).click();
      await expect(page).toHaveURL(/\/admin/);
    });

    await test.step('wrong second-step codes are stopped with a clear sentence', async () => {
      await signOut(page);
      await signInWithPassword(page, email, 'second-password-456');
      await expect(page).toHaveURL(/\/login\/two-factor$/);
      const verify = page.getByRole('button', { name: 'Verify' });
      for (let i = 0; i < 5; i++) {
        await page.getByLabel('Authentication or recovery code').fill('zzzzz-zzzzz');
        await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login/two-factor'),
          verify.click(),
        ]);
        await expect(verify).toBeEnabled();
        await expect(page.getByText('That code is not valid or was already used.')).toBeVisible();
      }
      await page.getByLabel('Authentication or recovery code').fill(recoveryCodes[4]!);
      await verify.click();
      await expect(page.locator('.v-alert')).toHaveText('Too many wrong codes. Please wait 15 minutes and try again.');
      await expect(page).toHaveURL(/\/login\/two-factor$/);
    });
  });
});
