import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { MlOAuthStateError } from '../errors.ts';
import { mlRequest } from '../http/request.ts';
import { withRetry, type RetryOptions } from '../http/retry.ts';
import { ML_SITES, mlSiteId, tokenResponseSchema, type MlSiteId, type TokenResponse } from '../schemas.ts';

export interface OAuthOptions {
  redis: Redis;
  prefix: string;
  apiBaseUrl: string;
  /** Replaces every site's authorization host (the sandbox); by default each site's own host. */
  authBaseUrl?: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** How long a started authorization may take (ML's codes live about 10 minutes). */
  stateTtlSeconds?: number;
  retry?: RetryOptions;
  fetch?: typeof fetch;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');
export const codeChallenge = (verifier: string) => base64url(createHash('sha256').update(verifier).digest());

const pendingSchema = z.object({ verifier: z.string(), siteId: mlSiteId, context: z.record(z.string(), z.string()) });

/** The authorization page of a site (auth.mercadolivre.com.br for MLB, ...), or the override. */
export function authorizationEndpoint(siteId: MlSiteId, authBaseUrl?: string): string {
  const base = authBaseUrl ?? `https://${ML_SITES[siteId].authHost}`;
  return `${base.replace(/\/$/, '')}/authorization`;
}

/**
 * OAuth 2.0 authorization code with PKCE (S256). The state, the code verifier and the caller's context
 * live in Redis for a few minutes and are consumed atomically (GETDEL), so a state works once, from any
 * process, and nothing is kept in memory.
 */
export function createOAuth(options: OAuthOptions) {
  const ttl = options.stateTtlSeconds ?? 600;
  const keyOf = (state: string) => `${options.prefix}:ml:oauth:${state}`;

  const token = (form: Record<string, string>, endpoint: string): Promise<TokenResponse> =>
    withRetry(
      () => mlRequest({ baseUrl: options.apiBaseUrl, method: 'POST', path: '/oauth/token', form, schema: tokenResponseSchema, endpoint, fetch: options.fetch }),
      options.retry,
    );

  return {
    async start(input: { siteId: MlSiteId; context: Record<string, string> }): Promise<{ url: string; state: string }> {
      const state = base64url(randomBytes(24));
      const verifier = base64url(randomBytes(48));
      await options.redis.set(keyOf(state), JSON.stringify({ verifier, siteId: input.siteId, context: input.context }), 'EX', ttl);
      const url = new URL(authorizationEndpoint(input.siteId, options.authBaseUrl));
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: options.clientId,
        redirect_uri: options.redirectUri,
        state,
        code_challenge: codeChallenge(verifier),
        code_challenge_method: 'S256',
      }).toString();
      return { url: url.toString(), state };
    },

    /** Consumes the state and exchanges the code. Throws MlOAuthStateError for an unknown, used or expired state. */
    async finish(input: { state: string; code: string }): Promise<{ siteId: MlSiteId; context: Record<string, string>; tokens: TokenResponse }> {
      if (!/^[A-Za-z0-9_-]{16,128}$/.test(input.state)) throw new MlOAuthStateError('The connection request is not valid; start again.');
      const raw = await options.redis.getdel(keyOf(input.state));
      const pending = raw ? pendingSchema.safeParse(JSON.parse(raw)) : undefined;
      if (!pending?.success) throw new MlOAuthStateError('The connection request expired or was already used; start again.');
      const tokens = await token(
        {
          grant_type: 'authorization_code',
          client_id: options.clientId,
          client_secret: options.clientSecret,
          code: input.code,
          redirect_uri: options.redirectUri,
          code_verifier: pending.data.verifier,
        },
        'POST /oauth/token (authorization_code)',
      );
      return { siteId: pending.data.siteId, context: pending.data.context, tokens };
    },

    /** A new access token and a new refresh token; the old refresh token stops working. */
    refresh: (refreshToken: string): Promise<TokenResponse> =>
      token(
        { grant_type: 'refresh_token', client_id: options.clientId, client_secret: options.clientSecret, refresh_token: refreshToken },
        'POST /oauth/token (refresh_token)',
      ),
  };
}

export type MlOAuth = ReturnType<typeof createOAuth>;
