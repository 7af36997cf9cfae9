import { readFileSync } from 'node:fs';
import { hash } from '@node-rs/argon2';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createPrismaClient, type PrismaClient } from '@vitrine/db';
import { STATE_FILE, storeUrl } from './constants.ts';
import { OWNER } from './seed.ts';

/**
 * Running the store (issue 3): the owner invites a staff member (the invitation email is written to the
 * outbox), the staff member accepts through the emailed link, cannot open the team or plan pages nor call
 * the team API; the last owner cannot remove himself; the audit log lists the invitation; an institutional
 * page written in the settings shows on the storefront.
 */
const state = () => JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { ownerUrl: string };
const STAFF = { email: `staff-${Date.now()}@alpha.test`, password: 'alpha-staff-password-1' };

let db: PrismaClient;
let invitationPath = '';

test.describe.configure({ mode: 'serial' });

async function signIn(page: Page, who: { email: string; password: string }, next?: string) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function ownerPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, OWNER);
  await expect(page).toHaveURL(/\/admin$/, { timeout: 20_000 });
  return page;
}

test.beforeAll(async () => {
  db = createPrismaClient(state().ownerUrl, { maxConnections: 1 });
  // The staff member already has an account (signing up is covered by the admin spec).
  await db.user.create({ data: { email: STAFF.email, name: 'Alpha Staff', passwordHash: await hash(STAFF.password) } });
});
test.afterAll(async () => {
  await db?.$disconnect();
});

test.describe('team', () => {
  test('the owner invites a staff member and the invitation email is queued with its link', async ({ browser }) => {
    const page = await ownerPage(browser);
    await page.goto('/admin/team');
    await expect(page.getByTestId('team-members')).toContainText(OWNER.email);

    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText('Enter the email address of the person to invite')).toBeVisible();

    await page.getByLabel('Email', { exact: true }).fill(STAFF.email);
    await page.getByLabel('Role', { exact: true }).selectOption('STAFF');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByRole('status')).toHaveText('Invitation sent.');
    await expect(page.getByTestId('team-invitations')).toContainText(STAFF.email);
    await expect(page.getByTestId('team-invitations')).toContainText('pending');

    const job = await db.outboxJob.findFirstOrThrow({ where: { queue: 'email', name: 'email.send', payload: { path: ['to'], equals: STAFF.email } } });
    const payload = job.payload as { kind: string; subject: string; text: string };
    expect(payload.kind).toBe('team.invitation');
    expect(payload.subject).toBe('You are invited to join Alpha Teas on Vitrine');
    invitationPath = new URL(/(https?:\/\/\S+\/invitations\/\S+)/.exec(payload.text)![1]!).pathname;
    expect(invitationPath).toMatch(/^\/invitations\/inv_/);
  });

  test('the owner, the only owner, can neither remove himself nor step down', async ({ browser }) => {
    const page = await ownerPage(browser);
    await page.goto('/admin/team');
    await page.getByRole('button', { name: `Remove ${OWNER.email}` }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'A store needs at least one owner' })).toBeVisible();
    await page.getByRole('combobox', { name: `Role ${OWNER.email}` }).selectOption('ADMIN');
    await page.getByRole('button', { name: `Save ${OWNER.email}` }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'A store needs at least one owner' }).first()).toBeVisible();
    await page.reload();
    const ownerRow = page.getByTestId('team-members').getByRole('row', { name: new RegExp(OWNER.email) });
    await expect(ownerRow.getByRole('cell', { name: 'Owner', exact: true })).toBeVisible();
  });

  test('a wrong account is told whom the invitation is for; the staff member signs in from the link and accepts', async ({ browser }) => {
    const owner = await ownerPage(browser);
    await owner.goto(invitationPath);
    await expect(owner.getByTestId('invitation-problem')).toContainText(`this invitation is for ${STAFF.email}`);

    const page = await (await browser.newContext()).newPage();
    await page.goto(invitationPath);
    await expect(page.getByText(`This invitation is for ${STAFF.email}.`)).toBeVisible();
    await page.getByRole('link', { name: 'Sign in with that email to accept' }).click();
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel('Email').fill(STAFF.email);
    await page.getByLabel('Password').fill(STAFF.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`${invitationPath}$`), { timeout: 20_000 });
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await expect(page).toHaveURL(/\/admin$/);

    // Staff with the catalog permission: no team, settings, audit or plan links, and those pages refuse.
    const nav = page.getByRole('navigation', { name: 'Admin' });
    await expect(nav.getByRole('link', { name: 'Products' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Team' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Plan' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    await page.goto('/admin/team');
    await expect(page.getByTestId('page-refused')).toHaveText('Only the store’s owners and admins can manage its team.');
    await expect(page.getByTestId('team-members')).toHaveCount(0);
    await page.goto('/admin/billing');
    await expect(page.getByTestId('page-refused')).toContainText('Only the store’s owner');
    await expect(page.getByTestId('plan-limits')).toHaveCount(0);
    // The catalog is theirs to edit, without the store's settings (publishing) controls.
    await page.goto('/admin/products');
    await expect(page.getByRole('heading', { name: 'Products', exact: true })).toBeVisible();
    await expect(page.getByText('Not published')).toHaveCount(0);

    // The API refuses too, from the page's own context (cookies and origin of the admin).
    const answers = await page.evaluate(async () => {
      const list = await fetch('/api/trpc/team.list');
      const invite = await fetch('/api/trpc/team.invite', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: { email: 'x@alpha.test', role: 'OWNER', permissions: [] } }),
      });
      const plan = await fetch('/api/trpc/billing.plan');
      return [list.status, invite.status, plan.status, (await list.json()) as { error: { json: { message: string } } }] as const;
    });
    expect(answers.slice(0, 3)).toEqual([403, 403, 403]);
    expect(answers[3].error.json.message).toMatch(/does not allow this \(team:manage\)/);

    // The used link now says so.
    await page.goto(invitationPath);
    await expect(page.getByTestId('invitation-problem')).toHaveText('This invitation was already accepted.');
  });

  test('the owner sees the new member and the audit log lists the invitation and its acceptance', async ({ browser }) => {
    const page = await ownerPage(browser);
    await page.goto('/admin/team');
    const staffRow = page.getByTestId('team-members').getByRole('row', { name: new RegExp(STAFF.email) });
    await expect(staffRow.getByRole('cell', { name: 'Staff', exact: true })).toBeVisible();
    await expect(staffRow.getByRole('cell', { name: 'Catalog', exact: true })).toBeVisible();

    await page.goto('/admin/audit');
    const log = page.getByTestId('audit-log');
    await expect(log).toContainText('team.invitation_sent');
    await expect(log).toContainText('team.invitation_accepted');
    await page.getByLabel('Action').selectOption('team.invitation_sent');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(log.locator('tbody tr')).toHaveCount(1);
    await expect(log).toContainText(OWNER.email);
    await expect(log).toContainText('invitation');
  });

  test('an institutional page written in the settings shows on the storefront, linked in its footer', async ({ browser }) => {
    const page = await ownerPage(browser);
    await page.goto('/admin/settings');
    await page.getByLabel('Contact email').fill('not-an-email');
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
    await page.getByLabel('Contact email').fill('hello@alpha.test');
    await page.getByLabel('Phone').fill('+1 555 0100');
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await expect(page.getByRole('status').first()).toHaveText('Saved.');

    const about = page.getByTestId('page-form-about');
    await about.getByLabel('Title').fill('About Alpha Teas');
    await about.getByLabel('Text').fill('We blend teas in small batches.\n\nWrite to [our team](mailto:hello@alpha.test).\n\n<script>alert(1)</script>');
    await about.getByRole('button', { name: 'Save page' }).click();
    await expect(about.getByRole('status')).toHaveText('Saved.');

    await page.goto(storeUrl('alpha'));
    await page.getByTestId('store-footer').getByRole('link', { name: 'About Alpha Teas' }).click();
    await expect(page).toHaveURL(storeUrl('alpha', '/pages/about'));
    await expect(page.getByTestId('page-title')).toHaveText('About Alpha Teas');
    await expect(page.getByTestId('page-body')).toContainText('We blend teas in small batches.');
    await expect(page.getByTestId('page-body').getByRole('link', { name: 'our team' })).toHaveAttribute('href', 'mailto:hello@alpha.test');
    await expect(page.getByTestId('page-body')).toContainText('<script>alert(1)</script>');
    await expect(page.getByTestId('store-contact')).toContainText('hello@alpha.test');
    await expect(page.getByTestId('store-contact')).toContainText('+1 555 0100');

    const missing = await page.goto(storeUrl('alpha', '/pages/nothing-here'));
    expect(missing?.status()).toBe(404);
  });
});
