import { expect, test, type APIRequestContext } from '@playwright/test';
import { OWNER } from './seed.ts';

/**
 * The desktop app's sign-in, as the app and the person would do it: the app starts a device login over HTTP,
 * the person opens the activation page, signs in and approves, the app polls and gets its token once, then
 * calls tRPC with `Authorization: Bearer` (no cookies) until the person revokes it on the same page.
 */
const call = async (request: APIRequestContext, path: string, input: unknown, headers: Record<string, string> = {}) =>
  request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { 'content-type': 'application/json', ...headers } });
const query = async (request: APIRequestContext, path: string, input: unknown, headers: Record<string, string> = {}) =>
  request.get(`/api/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`, { headers });

test('a desktop app signs in through the web, syncs with its token, and stops once revoked', async ({ page, request }) => {
  const started = await call(request, 'desktop.startLogin', { deviceName: 'E2E laptop' });
  expect(started.status()).toBe(200);
  const login = (await started.json()).result.data.json as { deviceCode: string; userCode: string; verificationUriComplete: string };
  expect(login.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);

  const pending = await call(request, 'desktop.poll', { deviceCode: login.deviceCode });
  expect((await pending.json()).result.data.json).toEqual({ status: 'pending' });

  // The person follows the link: signs in first, then lands back on the activation page with the code.
  await page.goto(login.verificationUriComplete);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/desktop\/activate\?code=/);
  await expect(page.getByText('E2E laptop', { exact: false }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Sign in E2E laptop' }).click();
  await expect(page.getByTestId('desktop-approved')).toContainText('E2E laptop is signed in');

  // The app polls (after its interval) and receives the token exactly once.
  await page.waitForTimeout(5_000);
  const approved = (await (await call(request, 'desktop.poll', { deviceCode: login.deviceCode })).json()).result.data.json;
  expect(approved).toMatchObject({ status: 'approved', user: { email: OWNER.email } });
  await page.waitForTimeout(5_000);
  const again = await call(request, 'desktop.poll', { deviceCode: login.deviceCode });
  expect(again.status()).toBe(400);
  // The token exists from the poll on: the page lists it.
  await page.reload();
  await expect(page.getByTestId('desktop-tokens')).toContainText('E2E laptop');

  const bearer = { authorization: `Bearer ${approved.token as string}` };
  const mine = await query(request, 'tenant.mine', undefined, bearer);
  expect(mine.status()).toBe(200);
  const stores = (await mine.json()).result.data.json as { id: string }[];
  expect(stores.length).toBeGreaterThan(0);
  const changes = await query(request, 'mercadolivre.changes', { resource: 'orders' }, { ...bearer, 'x-tenant-id': stores[0]!.id });
  expect(changes.status()).toBe(200);
  expect((await changes.json()).result.data.json).toMatchObject({ items: expect.any(Array), hasMore: expect.any(Boolean) });

  const forged = await query(request, 'desktop.tokens', undefined, { authorization: 'Bearer vtd_forged' });
  expect(forged.status()).toBe(401);
  expect(JSON.stringify(await forged.json())).toContain('Sign in again from the desktop app');

  // Revoked on the page: the next request is refused.
  await page.getByRole('button', { name: 'Revoke E2E laptop' }).click();
  await expect(page.getByTestId('desktop-tokens')).toContainText('Revoked');
  const refused = await query(request, 'desktop.tokens', undefined, bearer);
  expect(refused.status()).toBe(401);
  expect(JSON.stringify(await refused.json())).toContain('revoked');
});
