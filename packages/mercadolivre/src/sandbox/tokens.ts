import { createHash, randomBytes } from 'node:crypto';
import type { TokenResponse } from '../schemas.ts';
import { INVALID_GRANT_DESCRIPTION, invalidGrant, oauthError } from './http.ts';

/** Reference §1: codes live 10 minutes (unconfirmed for ML, documented for Mercado Pago); refresh tokens 6 months. */
export const CODE_LIFETIME_MS = 10 * 60_000;
export const REFRESH_LIFETIME_MS = 182 * 86_400_000;
export const TOKEN_SCOPE = 'offline_access read write';

export interface AccessRecord {
  token: string;
  sellerId: number;
  clientId: string;
  expiresAt: number;
  revoked: boolean;
}

interface CodeRecord {
  clientId: string;
  sellerId: number;
  redirectUri: string;
  challenge: string | null;
  method: 'S256' | 'plain' | null;
  expiresAt: number;
  used: boolean;
}

/** One per (application, seller): only the latest refresh token is valid (reference §1). */
interface Grant {
  clientId: string;
  sellerId: number;
  refreshToken: string;
  refreshExpiresAt: number;
}

export type PkceMethod = 'S256' | 'plain';

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

export function pkceChallenge(verifier: string, method: PkceMethod): string {
  return method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
}

export class TokenRegistry {
  private readonly codes = new Map<string, CodeRecord>();
  private readonly grants = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, AccessRecord>();

  constructor(
    private readonly clock: () => number,
    private readonly accessLifetimeSeconds: number,
  ) {}

  issueCode(input: Omit<CodeRecord, 'expiresAt' | 'used'>): string {
    const code = `TG-${hex(12)}-${input.sellerId}`;
    this.codes.set(code, { ...input, expiresAt: this.clock() + CODE_LIFETIME_MS, used: false });
    return code;
  }

  /** grant_type=authorization_code. The code is spent by its first presentation, whatever the outcome. */
  exchangeCode(input: { code: string; clientId: string; redirectUri: string; codeVerifier: string | null }): TokenResponse {
    const record = this.codes.get(input.code);
    if (!record || record.used || record.expiresAt <= this.clock() || record.clientId !== input.clientId) throw invalidGrant();
    record.used = true;
    if (record.redirectUri !== input.redirectUri) throw invalidGrant('redirect_uri does not match the one used to obtain the authorization code');
    if (record.challenge !== null && record.method !== null) {
      if (!input.codeVerifier) throw oauthError(400, 'invalid_request', 'code_verifier is required');
      if (pkceChallenge(input.codeVerifier, record.method) !== record.challenge) throw invalidGrant('code_verifier does not match the code_challenge');
    }
    return this.issueTokens(record.sellerId, record.clientId);
  }

  /** grant_type=refresh_token: single use, own client only, rotates (reference §1). */
  refresh(input: { refreshToken: string; clientId: string }): TokenResponse {
    const sellerId = Number(input.refreshToken.split('-').at(-1));
    const grant = this.grants.get(grantKey(input.clientId, sellerId));
    if (!grant || grant.refreshToken !== input.refreshToken || grant.refreshExpiresAt <= this.clock()) {
      throw invalidGrant(INVALID_GRANT_DESCRIPTION);
    }
    return this.mint(grant);
  }

  /** The same tokens the browser flow ends with; starts a new grant (previous refresh tokens stop working). */
  issueTokens(sellerId: number, clientId: string): TokenResponse {
    const grant: Grant = { clientId, sellerId, refreshToken: '', refreshExpiresAt: this.clock() + REFRESH_LIFETIME_MS };
    this.grants.set(grantKey(clientId, sellerId), grant);
    return this.mint(grant);
  }

  private mint(grant: Grant): TokenResponse {
    const now = this.clock();
    const stamp = new Date(now).toISOString();
    const accessToken = `APP_USR-${grant.clientId}-${stamp.slice(5, 7)}${stamp.slice(8, 10)}${stamp.slice(11, 13)}-${hex(16)}-${grant.sellerId}`;
    grant.refreshToken = `TG-${hex(12)}-${grant.sellerId}`;
    this.accessTokens.set(accessToken, {
      token: accessToken, sellerId: grant.sellerId, clientId: grant.clientId, expiresAt: now + this.accessLifetimeSeconds * 1000, revoked: false,
    });
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: this.accessLifetimeSeconds,
      scope: TOKEN_SCOPE,
      user_id: grant.sellerId,
      refresh_token: grant.refreshToken,
    };
  }

  /** The access token's record, or null when unknown, expired or revoked. */
  authenticate(token: string): AccessRecord | null {
    const record = this.accessTokens.get(token);
    if (!record || record.revoked || record.expiresAt <= this.clock()) return null;
    return record;
  }

  expireAccessTokens(sellerId?: number): number {
    let count = 0;
    const now = this.clock();
    for (const record of this.accessTokens.values()) {
      if ((sellerId === undefined || record.sellerId === sellerId) && record.expiresAt > now) {
        record.expiresAt = now;
        count++;
      }
    }
    return count;
  }

  /** The seller revoked the grant: refresh tokens answer invalid_grant, access tokens 401. */
  revokeGrant(sellerId: number): void {
    for (const [key, grant] of this.grants) if (grant.sellerId === sellerId) this.grants.delete(key);
    for (const record of this.accessTokens.values()) if (record.sellerId === sellerId) record.revoked = true;
  }

  /** Does any application hold a live grant from this seller? */
  hasGrant(clientId: string, sellerId: number): boolean {
    return this.grants.has(grantKey(clientId, sellerId));
  }
}

const grantKey = (clientId: string, sellerId: number): string => `${clientId}:${sellerId}`;
