import type { ErrorBody } from './schemas.ts';

/** Every failure of a Mercado Livre call: the HTTP status, ML's error code and message, and which call it was. */
export class MlError extends Error {
  override name = 'MlError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly endpoint: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/** 401: the access token is expired, revoked or malformed. */
export class MlAuthExpiredError extends MlError {
  override name = 'MlAuthExpiredError';
}
/** 403: the token may not touch this resource (another seller's order, a blocked conversation). */
export class MlForbiddenError extends MlError {
  override name = 'MlForbiddenError';
}
/** 404: the resource does not exist (or, for questions, was deleted). */
export class MlNotFoundError extends MlError {
  override name = 'MlNotFoundError';
}
/** 429: too many requests; `retryAfterMs` only when ML sent a Retry-After header (it documents none). */
export class MlRateLimitedError extends MlError {
  override name = 'MlRateLimitedError';
  constructor(message: string, endpoint: string, body: unknown, readonly retryAfterMs?: number) {
    super(message, 429, 'too_many_requests', endpoint, body);
  }
}
/** 5xx: ML failed; worth retrying. */
export class MlServerError extends MlError {
  override name = 'MlServerError';
}
/** 400 (and other 4xx): ML refused the request; `code` says why (invalid_question, invalid_post_body, ...). */
export class MlBadRequestError extends MlError {
  override name = 'MlBadRequestError';
}
/** The token endpoint refused the grant: the refresh token was used, expired or revoked. Permanent. */
export class MlInvalidGrantError extends MlError {
  override name = 'MlInvalidGrantError';
}
/** The body did not have the shape we rely on. */
export class MlResponseShapeError extends MlError {
  override name = 'MlResponseShapeError';
}
/** The network failed or the call timed out before ML answered. */
export class MlNetworkError extends MlError {
  override name = 'MlNetworkError';
}
/** An account whose refresh failed for good: the seller must connect it again. */
export class MlReconnectNeededError extends Error {
  override name = 'MlReconnectNeededError';
  constructor(readonly accountId: string, readonly reason: string) {
    super(`The Mercado Livre account must be connected again: ${reason}`);
  }
}
/** OAuth state unknown, already used or expired. */
export class MlOAuthStateError extends Error {
  override name = 'MlOAuthStateError';
}

/** ML's message from either field its error bodies use. */
export function messageOf(body: ErrorBody | undefined, fallback: string): string {
  return body?.message || body?.error_description || body?.error || fallback;
}

/** The typed error for an HTTP answer that was not 2xx. */
export function errorFor(status: number, body: ErrorBody | undefined, endpoint: string, retryAfterMs?: number): MlError {
  const message = messageOf(body, `Mercado Livre answered ${status}`);
  const code = body?.error ?? body?.code;
  if (status === 401) return new MlAuthExpiredError(message, status, code, endpoint, body);
  if (status === 403) return new MlForbiddenError(message, status, code, endpoint, body);
  if (status === 404) return new MlNotFoundError(message, status, code, endpoint, body);
  if (status === 429) return new MlRateLimitedError(message, endpoint, body, retryAfterMs);
  if (status >= 500) return new MlServerError(message, status, code, endpoint, body);
  if (code === 'invalid_grant') return new MlInvalidGrantError(message, status, code, endpoint, body);
  return new MlBadRequestError(message, status, code, endpoint, body);
}

/** Worth trying again: rate limits, ML's own failures, the network. */
export const isRetryable = (error: unknown) =>
  error instanceof MlRateLimitedError || error instanceof MlServerError || error instanceof MlNetworkError;
