import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { isCrossOriginWrite } from '../server/same-origin.ts';
import { isStoreRefusal, type StoreRefusal } from './refusal-text.ts';

/**
 * What the cart and checkout forms share: the cart cookie, the one-shot "flash" the page after a POST reads (errors
 * beside fields, the sentence of a refusal, the values typed), the checkout draft, the Origin check and the
 * 303 answers of Post/Redirect/Get.
 */
export const CART_COOKIE = 'vitrine_cart';
export const FLASH_COOKIE = 'vitrine_flash';
export const CHECKOUT_COOKIE = 'vitrine_checkout';

const CART_MAX_AGE = 60 * 60 * 24 * 60; // kept across visits: 60 days
const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

export function cookieOf(request: Request, name: string): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

const secureOf = (request: Request) => (request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? new URL(request.url).protocol.replace(':', '')) === 'https';

function cookie(request: Request, name: string, value: string, maxAge: number, path = '/'): string {
  return `${name}=${encodeURIComponent(value)}; Path=${path}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secureOf(request) ? '; Secure' : ''}`;
}

/** The buyer's cart token from its cookie (null when there is none or it is malformed). */
export function cartTokenOf(request: Request): string | null {
  const value = cookieOf(request, CART_COOKIE);
  return value && TOKEN.test(value) ? value : null;
}

/** The cart token to use for an add: the buyer's own, or a new random one with the cookie that keeps it. */
export function cartTokenForAdd(request: Request): { token: string; setCookie: string | null } {
  const existing = cartTokenOf(request);
  if (existing) return { token: existing, setCookie: null };
  const token = randomBytes(32).toString('base64url');
  return { token, setCookie: cookie(request, CART_COOKIE, token, CART_MAX_AGE) };
}

export interface Flash {
  /** A sentence about the whole form (the API's refusal, in English). */
  message?: string;
  /** The refusal's reason, to say `message` in the page's language when it is shown (refusal-text.ts). */
  reason?: StoreRefusal;
  /** One of our own sentences, said in the page's language ("added to your cart"). */
  key?: 'added';
  tone?: 'error' | 'success';
  /** Sentences beside fields, by field name. */
  errors?: Record<string, string>;
  /** The reasons of API refusals among `errors`, by field name (said in the page's language when shown). */
  errorReasons?: Record<string, StoreRefusal>;
  /** What the buyer typed, to fill the form again. */
  values?: Record<string, string>;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
function decode<T>(value: string | null): T | null {
  if (!value) return null;
  try {
    return JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}

export const flashCookie = (request: Request, flash: Flash) => cookie(request, FLASH_COOKIE, encode(flash), 120);
export const readFlash = (request: Request): Flash | null => decode<Flash>(cookieOf(request, FLASH_COOKIE));
/** The page that showed a flash clears it. */
export const clearFlashCookie = (request: Request) => cookie(request, FLASH_COOKIE, '', 0);

/** The buyer's details typed at checkout, kept (HttpOnly, one day) while they choose shipping and pay. */
export interface CheckoutDraft {
  email: string;
  name: string;
  phone?: string;
  address: { line1: string; line2?: string; city: string; region?: string; postalCode: string; country: string };
  shippingOptionId?: string;
}

export const checkoutDraftOf = (request: Request) => decode<CheckoutDraft>(cookieOf(request, CHECKOUT_COOKIE));
export const checkoutDraftCookie = (request: Request, draft: CheckoutDraft) => cookie(request, CHECKOUT_COOKIE, encode(draft), 60 * 60 * 24);
export const clearCheckoutDraftCookie = (request: Request) => cookie(request, CHECKOUT_COOKIE, '', 0);

/** 303 to a path of the store (relative: the browser keeps the store's own host), setting the given cookies. */
export function seeOther(location: string, cookies: (string | null | undefined)[] = []): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  for (const c of cookies) if (c) headers.append('set-cookie', c);
  return new Response(null, { status: 303, headers });
}

/** A POST from a page of another site (its Origin names another host) is refused, as every cookie write is. */
export function crossOriginRefusal(request: Request): Response | null {
  if (!isCrossOriginWrite(request.method, request.headers)) return null;
  return new Response('This form was sent from another site.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

const MAX_FORM_BYTES = 16 * 1024;

/** The posted form's fields as strings (a form bigger than any of ours is refused). */
export async function formFields(request: Request): Promise<Record<string, string>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_FORM_BYTES) return {};
  const text = await request.text();
  if (text.length > MAX_FORM_BYTES) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) out[key] = value;
  return out;
}

/** The field sentences of a refused input (zod's issues carried by the TRPCError), by dotted path. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const cause = error instanceof TRPCError ? (error.cause as { issues?: { path: (string | number)[]; message: string }[] } | undefined) : undefined;
  const out: Record<string, string> = {};
  for (const issue of cause?.issues ?? []) {
    const key = issue.path.join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** A refusal the buyer can read (a 4xx with the API's sentence), or null for anything else. */
export function refusalOf(error: unknown): string | null {
  if (!(error instanceof TRPCError)) return null;
  if (['BAD_REQUEST', 'CONFLICT', 'NOT_FOUND', 'PRECONDITION_FAILED', 'SERVICE_UNAVAILABLE'].includes(error.code)) {
    return Object.keys(fieldErrorsOf(error)).length ? null : error.message;
  }
  return null;
}

/**
 * The machine-readable reason of such a refusal (the API puts it on the error's cause, see RefusalCause in
 * packages/api/src/errors.ts), kept in the flash so the page says the sentence in its own language; undefined
 * when there is none.
 */
export function refusalReasonOf(error: unknown): StoreRefusal | undefined {
  if (refusalOf(error) === null) return undefined;
  const reason = ((error as TRPCError).cause as { reason?: unknown } | undefined)?.reason;
  return isStoreRefusal(reason) ? reason : undefined;
}
