import { authorizationErrorPage, authorizationPage } from './authorization-page.ts';
import type { ResolvedApplication, Route, SandboxCore } from './core.ts';
import { json, oauthError, type RequestContext, type Reply } from './http.ts';
import type { PkceMethod } from './tokens.ts';

const ALLOWED_SCOPES = new Set(['offline_access', 'read', 'write']);
const PKCE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

type AuthorizationCheck =
  | { kind: 'ok'; app: ResolvedApplication; redirectUri: string; state: string | null; challenge: string | null; method: PkceMethod | null; params: Record<string, string> }
  | { kind: 'page-error'; message: string }
  | { kind: 'redirect-error'; redirectUri: string; state: string | null; error: string; description: string };

const PASSED_PARAMS = ['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'scope'];

/** Errors before the redirect_uri is trusted are shown on the page; after, they go back to the app (RFC 6749 §4.1.2.1). */
function checkAuthorizationRequest(params: URLSearchParams, core: SandboxCore): AuthorizationCheck {
  const app = core.applications.get(params.get('client_id') ?? '');
  if (!app) return { kind: 'page-error', message: 'invalid client_id: this application does not exist' };
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!app.redirectUris.includes(redirectUri)) {
    return { kind: 'page-error', message: 'O aplicativo não pode se conectar à sua conta: redirect_uri does not match the application\'s registered URL' };
  }
  const state = params.get('state');
  const fail = (error: string, description: string): AuthorizationCheck => ({ kind: 'redirect-error', redirectUri, state, error, description });
  if (params.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  const scope = params.get('scope');
  if (scope && scope.split(/[\s,]+/).some((value) => value !== '' && !ALLOWED_SCOPES.has(value))) {
    return fail('invalid_scope', 'allowed scopes: offline_access, read, write');
  }
  const challenge = params.get('code_challenge');
  const rawMethod = params.get('code_challenge_method');
  if (!challenge) {
    if (app.pkceRequired) return fail('invalid_request', 'code_challenge and code_challenge_method are required for this application');
    if (rawMethod) return fail('invalid_request', 'code_challenge_method without code_challenge');
  }
  let method: PkceMethod | null = null;
  if (challenge) {
    method = (rawMethod ?? 'plain') as PkceMethod;
    if (method !== 'S256' && method !== 'plain') return fail('invalid_request', 'code_challenge_method must be S256 or plain');
    if (method === 'S256' ? !S256_CHALLENGE.test(challenge) : !PKCE_VERIFIER.test(challenge)) return fail('invalid_request', 'malformed code_challenge');
  }
  const passed: Record<string, string> = {};
  for (const name of PASSED_PARAMS) {
    const value = params.get(name);
    if (value !== null) passed[name] = value;
  }
  return { kind: 'ok', app, redirectUri, state, challenge, method, params: passed };
}

function redirectTo(redirectUri: string, values: Record<string, string | null>): Reply {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(values)) if (value !== null) url.searchParams.set(name, value);
  return { status: 302, headers: { location: url.toString(), 'cache-control': 'no-store' } };
}

function sellersForPage(core: SandboxCore) {
  return [...core.store.sellers.values()];
}

const showAuthorization: Route = {
  method: 'GET', path: '/authorization', access: 'public',
  handle: (ctx, _caller, core) => {
    const check = checkAuthorizationRequest(ctx.query, core);
    if (check.kind === 'page-error') return { status: 400, html: authorizationErrorPage(check.message) };
    if (check.kind === 'redirect-error') return redirectTo(check.redirectUri, { error: check.error, error_description: check.description, state: check.state });
    return { status: 200, html: authorizationPage({ app: check.app, params: check.params, sellers: sellersForPage(core) }) };
  },
};

const submitAuthorization: Route = {
  method: 'POST', path: '/authorization', access: 'public',
  handle: async (ctx, _caller, core) => {
    const form = new URLSearchParams(await ctx.body());
    const check = checkAuthorizationRequest(form, core);
    if (check.kind === 'page-error') return { status: 400, html: authorizationErrorPage(check.message) };
    if (check.kind === 'redirect-error') return redirectTo(check.redirectUri, { error: check.error, error_description: check.description, state: check.state });
    if (form.get('decision') === 'deny') return redirectTo(check.redirectUri, { error: 'access_denied', state: check.state });
    const typed = (form.get('nickname_input') ?? '').trim();
    const nickname = typed || (form.get('nickname') ?? '').trim();
    const seller = nickname ? core.store.sellerByNickname(nickname) : undefined;
    if (!seller) {
      const html = authorizationPage({
        app: check.app, params: check.params, sellers: sellersForPage(core), selectedNickname: nickname,
        error: nickname ? `Não encontramos a conta ${nickname}.` : 'Escolha uma conta.',
      });
      return { status: 400, html };
    }
    const code = core.tokens.issueCode({
      clientId: check.app.clientId, sellerId: seller.id, redirectUri: check.redirectUri, challenge: check.challenge, method: check.method,
    });
    return redirectTo(check.redirectUri, { code, state: check.state });
  },
};

/** The token endpoint reads form fields, falling back to JSON and to the query string as ML tolerates. */
async function tokenParams(ctx: RequestContext): Promise<URLSearchParams> {
  const raw = await ctx.body();
  const type = ctx.req.headers['content-type'] ?? '';
  const params = new URLSearchParams(ctx.query);
  if (type.includes('application/json') && raw.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw oauthError(400, 'invalid_request', 'the request body is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null) throw oauthError(400, 'invalid_request', 'the request body must be an object');
    for (const [name, value] of Object.entries(parsed)) if (typeof value === 'string' || typeof value === 'number') params.set(name, String(value));
  } else {
    for (const [name, value] of new URLSearchParams(raw)) params.set(name, value);
  }
  return params;
}

const token: Route = {
  method: 'POST', path: '/oauth/token', access: 'public',
  handle: async (ctx, _caller, core) => {
    const params = await tokenParams(ctx);
    const grantType = params.get('grant_type');
    if (!grantType) throw oauthError(400, 'invalid_request', 'grant_type is required');
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
      throw oauthError(400, 'unsupported_grant_type', `unsupported grant_type: ${grantType}`);
    }
    const app = core.applications.get(params.get('client_id') ?? '');
    if (!app || app.clientSecret !== params.get('client_secret')) {
      throw oauthError(401, 'invalid_client', 'invalid client_id or client_secret.');
    }
    if (grantType === 'authorization_code') {
      const code = params.get('code');
      const redirectUri = params.get('redirect_uri');
      if (!code || !redirectUri) throw oauthError(400, 'invalid_request', 'code and redirect_uri are required');
      const tokens = core.tokens.exchangeCode({ code, clientId: app.clientId, redirectUri, codeVerifier: params.get('code_verifier') });
      core.stats.tokenGrants.authorization_code++;
      return json(tokens);
    }
    const refreshToken = params.get('refresh_token');
    if (!refreshToken) throw oauthError(400, 'invalid_request', 'refresh_token is required');
    const tokens = core.tokens.refresh({ refreshToken, clientId: app.clientId });
    core.stats.tokenGrants.refresh_token++;
    return json(tokens);
  },
};

export const oauthRoutes: Route[] = [showAuthorization, submitAuthorization, token];
