import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { authorizationEndpoint, createOAuth } from './oauth.ts';
import { MlInvalidGrantError, MlOAuthStateError } from '../errors.ts';

const REDIRECT = 'http://localhost:3999/api/mercadolivre/callback';
const APP = { clientId: '5550002', clientSecret: 'oauth-test-secret', redirectUris: [REDIRECT] };

/** Does what a seller does on the authorization page: pick the account, press "Permitir". */
async function authorize(url: string, nickname: string): Promise<URL> {
  const page = new URL(url);
  const html = await (await fetch(page)).text();
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(name!, value!.replace(/&amp;/g, '&'));
  form.set('nickname', nickname);
  form.set('decision', 'allow');
  const answer = await fetch(new URL('/authorization', page), { method: 'POST', body: form, redirect: 'manual' });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location')!);
}

describe('OAuth with PKCE against the sandbox', () => {
  let sandbox: Sandbox;
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `test-mloauth-${process.pid}`;
  let oauth: ReturnType<typeof createOAuth>;

  beforeAll(async () => {
    sandbox = await startSandbox({ applications: [{ ...APP, pkceRequired: true }] });
    sandbox.generateSeller({ nickname: 'OAUTH_SELLER', items: 2, orders: 2, questions: 2, seed: 3 });
    oauth = createOAuth({ redis, prefix, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url, clientId: APP.clientId, clientSecret: APP.clientSecret, redirectUri: REDIRECT, retry: { retries: 0 } });
  });
  afterAll(async () => {
    await sandbox?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it("uses each site's own authorization host unless overridden", () => {
    expect(authorizationEndpoint('MLB')).toBe('https://auth.mercadolivre.com.br/authorization');
    expect(authorizationEndpoint('MLA')).toBe('https://auth.mercadolibre.com.ar/authorization');
    expect(authorizationEndpoint('MLB', 'http://127.0.0.1:9/')).toBe('http://127.0.0.1:9/authorization');
  });

  it('connects a seller: authorization page, code exchange with the verifier, context returned, then refresh rotates', async () => {
    const { url, state } = await oauth.start({ siteId: 'MLB', context: { tenantId: 't1', userId: 'u1' } });
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
    expect(await redis.ttl(`${prefix}:ml:oauth:${state}`)).toBeGreaterThan(500);
    const back = await authorize(url, 'OAUTH_SELLER');
    expect(back.searchParams.get('state')).toBe(state);
    const done = await oauth.finish({ state, code: back.searchParams.get('code')! });
    expect(done).toMatchObject({ siteId: 'MLB', context: { tenantId: 't1', userId: 'u1' }, tokens: { expires_in: 21600 } });
    const refreshed = await oauth.refresh(done.tokens.refresh_token!);
    expect(refreshed.refresh_token).not.toBe(done.tokens.refresh_token);
    await expect(oauth.refresh(done.tokens.refresh_token!)).rejects.toBeInstanceOf(MlInvalidGrantError);
  });

  it('accepts a state once, refuses unknown and expired ones, and keeps nothing in memory', async () => {
    const { url, state } = await oauth.start({ siteId: 'MLB', context: {} });
    const back = await authorize(url, 'OAUTH_SELLER');
    await oauth.finish({ state, code: back.searchParams.get('code')! });
    await expect(oauth.finish({ state, code: back.searchParams.get('code')! })).rejects.toBeInstanceOf(MlOAuthStateError);
    await expect(oauth.finish({ state: 'x'.repeat(32), code: 'TG-1' })).rejects.toBeInstanceOf(MlOAuthStateError);
    await expect(oauth.finish({ state: '../../etc', code: 'TG-1' })).rejects.toBeInstanceOf(MlOAuthStateError);
    // Another process with its own OAuth object finishes what this one started: the state lives in Redis.
    const other = createOAuth({ redis, prefix, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url, clientId: APP.clientId, clientSecret: APP.clientSecret, redirectUri: REDIRECT });
    const second = await oauth.start({ siteId: 'MLB', context: { n: '2' } });
    const code = (await authorize(second.url, 'OAUTH_SELLER')).searchParams.get('code')!;
    expect((await other.finish({ state: second.state, code })).context).toEqual({ n: '2' });
    const short = createOAuth({ redis, prefix, apiBaseUrl: sandbox.url, clientId: APP.clientId, clientSecret: APP.clientSecret, redirectUri: REDIRECT, stateTtlSeconds: 1 });
    const expiring = await short.start({ siteId: 'MLB', context: {} });
    await new Promise((r) => setTimeout(r, 1_200));
    await expect(short.finish({ state: expiring.state, code: 'TG-1' })).rejects.toBeInstanceOf(MlOAuthStateError);
  });
});
