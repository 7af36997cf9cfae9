import { TRPCError } from '@trpc/server';
import type { AccountMessages } from './account-messages.ts';
import { cookieOf, fieldErrorsOf } from './cart-forms.ts';

/**
 * The buyer account's cookies: the session token (HttpOnly, SameSite=Lax, no Domain, so it belongs to this store's
 * host alone) and the one-shot flash the page after a POST reads.
 */
export const BUYER_SESSION_COOKIE = 'vitrine_buyer';
export const ACCOUNT_FLASH_COOKIE = 'vitrine_account_flash';

const SESSION_MAX_AGE = 60 * 60 * 24 * 30; // the session's own lifetime on the server
const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

const secureOf = (request: Request) =>
  (request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? new URL(request.url).protocol.replace(':', '')) === 'https';

function cookie(request: Request, name: string, value: string, maxAge: number): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secureOf(request) ? '; Secure' : ''}`;
}

/** The buyer's session token from its cookie (null when absent or malformed). */
export function buyerSessionOf(request: Request): string | null {
  const value = cookieOf(request, BUYER_SESSION_COOKIE);
  return value && TOKEN.test(value) ? value : null;
}

export const buyerSessionCookie = (request: Request, token: string) => cookie(request, BUYER_SESSION_COOKIE, token, SESSION_MAX_AGE);
export const clearBuyerSessionCookie = (request: Request) => cookie(request, BUYER_SESSION_COOKIE, '', 0);

/** Our own outcome sentences, said in the page's language. */
export type AccountNotice =
  | 'signedOut'
  | 'verified'
  | 'verificationSent'
  | 'alreadyVerified'
  | 'resetSent'
  | 'passwordChanged'
  | 'addressSaved'
  | 'addressRemoved'
  | 'defaultChanged'
  | 'accountDeleted';

/** What the page after a POST shows: a notice or a refusal, errors beside fields, and what was typed (never passwords). */
export interface AccountFlash {
  notice?: AccountNotice;
  /** The signed-up email, for "we sent a link to …". */
  signedUp?: string;
  error?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

export const accountFlashCookie = (request: Request, flash: AccountFlash) => cookie(request, ACCOUNT_FLASH_COOKIE, encode(flash), 120);
export const clearAccountFlashCookie = (request: Request) => cookie(request, ACCOUNT_FLASH_COOKIE, '', 0);
export function readAccountFlash(request: Request): AccountFlash | null {
  const value = cookieOf(request, ACCOUNT_FLASH_COOKIE);
  if (!value) return null;
  try {
    return JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as AccountFlash;
  } catch {
    return null;
  }
}

/** The typed values a form shows again (passwords are never kept). */
export function keptValues(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (!/password/i.test(key)) out[key] = value.slice(0, 300);
  return out;
}

/** The API's field refusals as sentences in the page's language, by form field name. */
export function localFieldErrors(error: unknown, t: AccountMessages, passwordField: 'password' | 'currentPassword' = 'password'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of Object.keys(fieldErrorsOf(error))) {
    const field = path.replace(/^address\./, '');
    if (field === 'sessionToken') continue;
    const key = field === 'password' ? passwordField : field;
    out[field] = (t.fields as Record<string, string>)[key] ?? t.fields.other;
  }
  return out;
}

/** The wait in minutes of a TOO_MANY_REQUESTS sign-in refusal. */
export function retryMinutesOf(error: TRPCError): number {
  const seconds = (error.cause as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (typeof seconds === 'number' && seconds > 0) return Math.max(1, Math.ceil(seconds / 60));
  return Number(/(\d+) minute/.exec(error.message)?.[1] ?? 15);
}

export const isTrpc = (error: unknown, code: TRPCError['code']): error is TRPCError => error instanceof TRPCError && error.code === code;
