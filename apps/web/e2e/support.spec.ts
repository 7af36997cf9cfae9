import { expect, test, type Browser, type Page } from '@playwright/test';
import { OWNER, SUPER_ADMIN } from './seed.ts';
import { signInStaff } from './staff-sign-in.ts';
import { inbox } from './mail-inbox.ts';


async function signIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (who === SUPER_ADMIN) return signInStaff(page).then(() => page); // staff sign in with 2FA
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}

test('a store owner opens a ticket, platform staff answer it from the queue, the owner reads the answer', async ({ browser }) => {
  const subject = `Payouts missing ${Date.now()}`;
  const owner = await signIn(browser, OWNER);
  await owner.getByRole('link', { name: 'Support' }).click();
  await expect(owner).toHaveURL(/\/admin\/support$/);

  // An empty form is refused beside its fields.
  await owner.getByRole('button', { name: 'Open the ticket' }).click();
  await expect(owner.getByText('Write a subject')).toBeVisible();
  await expect(owner.getByText('Write a message')).toBeVisible();

  await owner.getByLabel('Subject').fill(subject);
  await owner.getByLabel('Message').fill('Our last two payouts did not arrive.\n\nCan you check our account?');
  await owner.getByLabel('Priority').selectOption('HIGH');
  await owner.getByRole('button', { name: 'Open the ticket' }).click();
  await expect(owner).toHaveURL(/\/admin\/support\/[a-z0-9]+$/);
  const ticketUrl = owner.url();
  await expect(owner.getByRole('heading', { name: new RegExp(subject) })).toBeVisible();
  await expect(owner.getByTestId('support-thread')).toContainText('Our last two payouts did not arrive.');

  const staff = await signIn(browser, SUPER_ADMIN);
  await staff.goto('/platform/support');
  const row = staff.getByRole('row', { name: new RegExp(subject) });
  await expect(row).toContainText('Alpha Teas');
  await expect(row).toContainText('Open');
  await row.getByRole('link', { name: new RegExp(subject) }).click();
  await expect(staff.getByTestId('support-thread')).toContainText('Can you check our account?');
  await staff.getByRole('button', { name: 'Assign to me' }).click();
  await expect(staff.getByRole('button', { name: 'Unassign me' })).toBeVisible();
  const since = Date.now();
  await staff.getByLabel('Reply to the store').fill('We found it: your bank details need confirming. Open Billing to confirm them.');
  await staff.getByRole('button', { name: 'Send reply' }).click();
  await expect(staff.getByTestId('support-thread')).toContainText('your bank details need confirming');
  await expect(staff.locator('.v-badge', { hasText: 'Waiting on the store' })).toBeVisible();

  await owner.goto(ticketUrl);
  await expect(owner.getByTestId('support-thread')).toContainText('your bank details need confirming');
  await expect(owner.getByTestId('support-thread')).toContainText('Vitrine support');
  await expect(owner.getByText('Waiting on you')).toBeVisible();

  // The owner was told by email (through the outbox and the worker).
  await expect
    .poll(
      async () => {
        const list = (await (await fetch(`${inbox()}/messages?to=${encodeURIComponent(OWNER.email)}`)).json()) as { subject: string; receivedAt: string }[];
        return list.some((m) => m.subject.includes(subject) && Date.parse(m.receivedAt) >= since - 1000);
      },
      { timeout: 30_000, message: 'the staff reply email to the owner' },
    )
    .toBe(true);

  await owner.getByRole('button', { name: 'Close the ticket' }).click();
  await expect(owner.getByText('This ticket is closed. Reopen it to write again.')).toBeVisible();
});

test('staff publish a help article; the public help center lists, finds and shows it, never a draft', async ({ browser, page }) => {
  const staff = await signIn(browser, SUPER_ADMIN);
  await staff.goto('/platform/help');
  await staff.getByLabel('Title').fill('Connecting Mercado Livre');
  await staff.getByLabel('Address (slug)').fill('e2e-connecting-mercado-livre');
  await staff.getByLabel('Category').fill('Mercado Livre');
  await staff.getByLabel('Text (blank lines between paragraphs)').fill('Open Mercado Livre in the admin and choose Connect account.\n\nThe first sync starts on its own.');
  await staff.getByLabel('Published (shown in the help center)').check();
  await staff.getByRole('button', { name: 'Create article' }).click();
  await expect(staff).toHaveURL(/\/platform\/help\/[a-z0-9]+$/);

  await staff.goto('/platform/help');
  await staff.getByLabel('Title').fill('Unreleased feature');
  await staff.getByLabel('Address (slug)').fill('e2e-unreleased-feature');
  await staff.getByLabel('Category').fill('Secrets');
  await staff.getByLabel('Text (blank lines between paragraphs)').fill('This draft must not be public until it is published.');
  await staff.getByRole('button', { name: 'Create article' }).click();
  await expect(staff).toHaveURL(/\/platform\/help\/[a-z0-9]+$/);

  await page.goto('/help');
  await expect(page.getByRole('heading', { name: 'Help center' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Connecting Mercado Livre' })).toBeVisible();
  await expect(page.getByText('Unreleased feature')).toHaveCount(0);
  await page.getByLabel('Search the help center').fill('connect account');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('link', { name: 'Connecting Mercado Livre' })).toBeVisible();
  await page.getByRole('link', { name: 'Connecting Mercado Livre' }).click();
  await expect(page.getByTestId('help-article')).toContainText('The first sync starts on its own.');
  const draft = await page.goto('/help/e2e-unreleased-feature');
  expect(draft?.status()).toBe(404);
});
