import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, tokenResponseSchema, userSchema } from '../schemas.ts';
import type { Sandbox } from './index.ts';
import { call, expectShape, pkcePair, startTestSandbox, TEST_APP } from './test-support.ts';

const INVALID_GRANT = {
  error_description: 'Error validating grant. Your authorization code or refresh token may be expired or it was already used',
  error: 'invalid_grant',
  status: 400,
  cause: [],
};

let sandbox: Sandbox;
let now = Date.parse('2026-11-20T12:00:00Z');
let sellerId: number;

beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: () => now });
  sellerId = sandbox.generateSeller({ nickname: 'LOJA_OAUTH', items: 5, orders: 10, questions: 5, seed: 7 }).id;
  sandbox.generateSeller({ nickname: 'OUTRA_LOJA', items: 3, orders: 3, questions: 2, seed: 8 });
});
afterAll(() => sandbox.close());

function authorizeQuery(extra: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({ response_type: 'code', client_id: TEST_APP.clientId, redirect_uri: TEST_APP.redirectUris[0], state: 'st-123', ...extra });
}

/** Clicks through the consent page the way a browser would: GET the page, POST its form. */
async function authorize(extra: Record<string, string> = {}, nickname = 'LOJA_OAUTH'): Promise<{ location: URL; status: number }> {
  const query = authorizeQuery(extra);
  const page = await call(sandbox, `/authorization?${query}`);
  expect(page.status).toBe(200);
  expect(page.body).toContain('data-testid="ml-authorize"');
  const form = Object.fromEntries(query);
  const submitted = await call(sandbox, '/authorization', { form: { ...form, nickname, decision: 'allow' } });
  return { status: submitted.status, location: new URL(submitted.headers.get('location') ?? 'http://invalid/') };
}

function exchange(code: string, extra: Record<string, string> = {}) {
  return call(sandbox, '/oauth/token', {
    form: { grant_type: 'authorization_code', client_id: TEST_APP.clientId, client_secret: TEST_APP.clientSecret, code, redirect_uri: TEST_APP.redirectUris[0], ...extra },
  });
}

function refresh(refreshToken: string) {
  return call(sandbox, '/oauth/token', {
    form: { grant_type: 'refresh_token', client_id: TEST_APP.clientId, client_secret: TEST_APP.clientSecret, refresh_token: refreshToken },
  });
}

describe('authorization page', () => {
  it('lists the sellers and redirects back with a TG- code and the state', async () => {
    const page = await call(sandbox, `/authorization?${authorizeQuery()}`);
    expect(page.body).toContain('LOJA_OAUTH');
    expect(page.body).toContain('OUTRA_LOJA');
    const { status, location } = await authorize();
    expect(status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(TEST_APP.redirectUris[0]);
    expect(location.searchParams.get('code')).toMatch(new RegExp(`^TG-[0-9a-f]{24}-${sellerId}$`));
    expect(location.searchParams.get('state')).toBe('st-123');
  });

  it('refuses an unknown client or a redirect_uri that is not an exact match, on the page itself', async () => {
    expect((await call(sandbox, `/authorization?${authorizeQuery({ client_id: '999' })}`)).status).toBe(400);
    const mismatch = await call(sandbox, `/authorization?${authorizeQuery({ redirect_uri: `${TEST_APP.redirectUris[0]}?x=1` })}`);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toContain('redirect_uri');
  });

  it('sends protocol errors back to the application (bad scope, bad PKCE method, denied)', async () => {
    const scope = await call(sandbox, `/authorization?${authorizeQuery({ scope: 'offline_access admin' })}`);
    expect(new URL(scope.headers.get('location')!).searchParams.get('error')).toBe('invalid_scope');
    const method = await call(sandbox, `/authorization?${authorizeQuery({ code_challenge: pkcePair().challenge, code_challenge_method: 'S512' })}`);
    expect(new URL(method.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
    const denied = await call(sandbox, '/authorization', { form: { ...Object.fromEntries(authorizeQuery()), nickname: 'LOJA_OAUTH', decision: 'deny' } });
    expect(new URL(denied.headers.get('location')!).searchParams.get('error')).toBe('access_denied');
  });

  it('re-renders the page with an error when the typed nickname is unknown', async () => {
    const response = await call(sandbox, '/authorization', { form: { ...Object.fromEntries(authorizeQuery()), nickname: 'LOJA_OAUTH', nickname_input: 'NINGUEM', decision: 'allow' } });
    expect(response.status).toBe(400);
    expect(response.body).toContain('data-testid="ml-error"');
  });
});

describe('POST /oauth/token', () => {
  it('exchanges a code for ML-shaped tokens that open /users/me', async () => {
    const { location } = await authorize();
    const response = await exchange(location.searchParams.get('code')!);
    expect(response.status).toBe(200);
    const tokens = expectShape(tokenResponseSchema, response.body);
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 21_600, scope: 'offline_access read write', user_id: sellerId });
    expect(tokens.access_token).toMatch(new RegExp(`^APP_USR-${TEST_APP.clientId}-\\d{6}-[0-9a-f]{32}-${sellerId}$`));
    const me = await call(sandbox, '/users/me', { token: tokens.access_token });
    expect(expectShape(userSchema, me.body)).toMatchObject({ id: sellerId, nickname: 'LOJA_OAUTH', site_id: 'MLB' });
  });

  it('accepts a code once only', async () => {
    const code = (await authorize()).location.searchParams.get('code')!;
    expect((await exchange(code)).status).toBe(200);
    const reused = await exchange(code);
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual(INVALID_GRANT);
  });

  it('lets a code expire after 10 minutes', async () => {
    const code = (await authorize()).location.searchParams.get('code')!;
    now += 10 * 60_000 + 1;
    const late = await exchange(code);
    expect(late.body).toEqual(INVALID_GRANT);
  });

  it('checks the PKCE verifier (S256 and plain)', async () => {
    const pair = pkcePair();
    const s256 = (await authorize({ code_challenge: pair.challenge, code_challenge_method: 'S256' })).location.searchParams.get('code')!;
    const wrong = await exchange(s256, { code_verifier: pkcePair().verifier });
    expect(wrong.status).toBe(400);
    expect(expectShape(errorBodySchema, wrong.body).error).toBe('invalid_grant');
    // A failed attempt spends the code: it cannot be retried with the right verifier.
    expect((await exchange(s256, { code_verifier: pair.verifier })).body).toEqual(INVALID_GRANT);

    const good = (await authorize({ code_challenge: pair.challenge, code_challenge_method: 'S256' })).location.searchParams.get('code')!;
    expect((await exchange(good, { code_verifier: pair.verifier })).status).toBe(200);

    const missing = (await authorize({ code_challenge: pair.challenge, code_challenge_method: 'S256' })).location.searchParams.get('code')!;
    expect((await exchange(missing)).body).toMatchObject({ error: 'invalid_request' });

    const plain = (await authorize({ code_challenge: pair.verifier, code_challenge_method: 'plain' })).location.searchParams.get('code')!;
    expect((await exchange(plain, { code_verifier: pair.verifier })).status).toBe(200);
  });

  it('refuses a redirect_uri different from the authorization request', async () => {
    const code = (await authorize()).location.searchParams.get('code')!;
    const response = await exchange(code, { redirect_uri: 'http://localhost:3000/other' });
    expect(response.body).toMatchObject({ error: 'invalid_grant', status: 400 });
  });

  it('rotates the refresh token on every use; only the latest works, a reused one is invalid_grant', async () => {
    const first = expectShape(tokenResponseSchema, (await exchange((await authorize()).location.searchParams.get('code')!)).body);
    const second = expectShape(tokenResponseSchema, (await refresh(first.refresh_token!)).body);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    const reused = await refresh(first.refresh_token!);
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual(INVALID_GRANT);
    expect((await refresh(second.refresh_token!)).status).toBe(200);
    expect(sandbox.stats().tokenGrants.refresh_token).toBeGreaterThanOrEqual(2);
  });

  it('names unsupported grant types, bad clients and missing fields', async () => {
    const password = await call(sandbox, '/oauth/token', { form: { grant_type: 'password', client_id: TEST_APP.clientId, client_secret: TEST_APP.clientSecret } });
    expect(password.body).toMatchObject({ error: 'unsupported_grant_type', status: 400 });
    const badSecret = await call(sandbox, '/oauth/token', { form: { grant_type: 'refresh_token', client_id: TEST_APP.clientId, client_secret: 'nope', refresh_token: 'TG-x-1' } });
    expect(badSecret.body).toMatchObject({ error: 'invalid_client' });
    const missing = await call(sandbox, '/oauth/token', { form: { grant_type: 'authorization_code', client_id: TEST_APP.clientId, client_secret: TEST_APP.clientSecret } });
    expect(missing.body).toMatchObject({ error: 'invalid_request' });
  });
});

describe('bearer tokens', () => {
  it('answers 401 with the generic body without a token, with an unknown one, an expired one and after revocation', async () => {
    const tokens = sandbox.issueTokens(sellerId);
    const noHeader = await call(sandbox, '/users/me');
    expect(noHeader.status).toBe(401);
    expect(expectShape(errorBodySchema, noHeader.body)).toMatchObject({ status: 401, cause: [] });
    expect((await call(sandbox, '/users/me', { token: 'APP_USR-nope' })).body).toEqual({ message: 'invalid_token', error: 'not_found', status: 401, cause: [] });
    expect((await call(sandbox, '/users/me', { token: tokens.access_token })).status).toBe(200);

    sandbox.control.expireAccessTokens(sellerId);
    expect((await call(sandbox, '/users/me', { token: tokens.access_token })).status).toBe(401);
    const renewed = expectShape(tokenResponseSchema, (await refresh(tokens.refresh_token!)).body);
    expect((await call(sandbox, '/users/me', { token: renewed.access_token })).status).toBe(200);

    sandbox.control.revokeGrant(sellerId);
    expect((await call(sandbox, '/users/me', { token: renewed.access_token })).status).toBe(401);
    expect((await refresh(renewed.refresh_token!)).body).toEqual(INVALID_GRANT);
  });

  it('expires access tokens after tokenLifetimeSeconds', async () => {
    const tokens = sandbox.issueTokens(sellerId);
    now += 21_600_000 - 1;
    expect((await call(sandbox, '/users/me', { token: tokens.access_token })).status).toBe(200);
    now += 1;
    expect((await call(sandbox, '/users/me', { token: tokens.access_token })).status).toBe(401);
  });
});
