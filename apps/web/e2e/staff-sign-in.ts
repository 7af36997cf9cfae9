import { expect, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { SUPER_ADMIN, SUPER_ADMIN_TOTP_SECRET } from './seed.ts';

const step = () => Math.floor(Date.now() / 30_000);

/**
 * Platform staff sign in with their password and a TOTP code (2FA is mandatory for them). A code is accepted
 * once per 30-second step, so when an earlier sign-in used this step's code the next step's is used.
 */
export async function signInStaff(page: Page, loginUrl = '/login'): Promise<void> {
  await page.goto(loginUrl);
  await page.getByLabel('Email').fill(SUPER_ADMIN.email);
  await page.getByLabel('Password').fill(SUPER_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const now = step();
    await page.getByLabel('Authentication or recovery code').fill(await generate({ secret: SUPER_ADMIN_TOTP_SECRET, epoch: now * 30 + 1 }));
    await page.getByRole('button', { name: 'Verify' }).click();
    // Signed in once the page leaves /login. (The refusal text of an earlier attempt stays on the page until the
    // answer to this one arrives, so it cannot tell this attempt's outcome.)
    const signedIn = await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (signedIn) return;
    await expect(page.getByText('That code is not valid or was already used.')).toBeVisible();
    while (step() <= now) await page.waitForTimeout(500);
  }
  throw new Error('platform staff could not complete the second sign-in step');
}
