import { TRPCError } from '@trpc/server';
import {
  accountFlashCookie,
  buyerSessionCookie,
  buyerSessionOf,
  clearAccountFlashCookie,
  clearBuyerSessionCookie,
  isTrpc,
  keptValues,
  localFieldErrors,
  readAccountFlash,
  retryMinutesOf,
  type AccountFlash,
} from './account-forms.ts';
import { accountMessagesOf, type AccountMessages } from './account-messages.ts';
import { addressesPage, forgotPage, myDataPage, overviewPage, resetPage, signInPage, signUpPage, verifyPage } from './account-pages.ts';
import { crossOriginRefusal, formFields, seeOther } from './cart-forms.ts';
import { STORE_LANGUAGE_COOKIE } from './language.ts';
import type { StoreLook } from './pages.ts';
import { errorResponse, htmlResponse, openStorePage, type StoreCaller, type StorePageContext } from './respond.ts';

const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

/** An account page's answer: no page cache (it is personal), the flash shown once, the chosen language remembered. */
function answer(request: Request, page: StorePageContext, body: string, flash: AccountFlash | null, status = 200): Response {
  const response = htmlResponse(body, status);
  if (flash) response.headers.append('set-cookie', clearAccountFlashCookie(request));
  if (page.rememberLanguage && page.look.language) {
    response.headers.append('set-cookie', `${STORE_LANGUAGE_COOKIE}=${encodeURIComponent(page.look.language)}; Path=/; Max-Age=31536000; SameSite=Lax`);
  }
  return response;
}

/** The signed-in buyer, or null (no cookie, or a session that expired or was revoked). */
async function currentBuyer(caller: StoreCaller, sessionToken: string | null) {
  if (!sessionToken) return null;
  try {
    return await caller.buyerAccount.me({ sessionToken });
  } catch (error) {
    if (isTrpc(error, 'UNAUTHORIZED') || isTrpc(error, 'BAD_REQUEST')) return null;
    throw error;
  }
}

type PublicRender = (look: StoreLook, flash: AccountFlash | null, page: StorePageContext) => string;

/**
 * A page for visitors who are not signed in (sign-in, sign-up, forgot): a signed-in buyer goes to /account instead,
 * unless `always` (the email links' pages work either way).
 */
async function publicPage(request: Request, host: string, path: string, render: PublicRender, options: { always?: boolean } = {}): Promise<Response> {
  let look: StoreLook | undefined;
  try {
    const page = await openStorePage(request, host, path);
    look = page.look;
    const buyer = await currentBuyer(page.caller, buyerSessionOf(request));
    if (buyer && !options.always) return seeOther('/account');
    const flash = readAccountFlash(request);
    return answer(request, page, render({ ...page.look, buyerSignedIn: Boolean(buyer) }, flash, page), flash);
  } catch (error) {
    return errorResponse(error, look);
  }
}

type Buyer = NonNullable<Awaited<ReturnType<typeof currentBuyer>>>;
type SignedInRender = (
  look: StoreLook,
  ctx: { caller: StoreCaller; sessionToken: string; buyer: Buyer; page: StorePageContext; flash: AccountFlash | null },
) => Promise<string>;

/** A page of the signed-in buyer: without a live session, 303 to /account/sign-in (and the stale cookie cleared). */
async function signedInPage(request: Request, host: string, path: string, render: SignedInRender): Promise<Response> {
  let look: StoreLook | undefined;
  try {
    const page = await openStorePage(request, host, path);
    look = page.look;
    const sessionToken = buyerSessionOf(request);
    const buyer = await currentBuyer(page.caller, sessionToken);
    if (!buyer || !sessionToken) return seeOther('/account/sign-in', [sessionToken ? clearBuyerSessionCookie(request) : null]);
    const flash = readAccountFlash(request);
    const body = await render({ ...page.look, buyerSignedIn: true }, { caller: page.caller, sessionToken, buyer, page, flash });
    return answer(request, page, body, flash);
  } catch (error) {
    return errorResponse(error, look);
  }
}

/**
 * Account forms refuse a POST from another site even without cookies (same-origin.ts passes those), so another
 * site cannot sign a visitor in to an account of its choosing.
 */
function crossSiteSignIn(request: Request): Response | null {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) return null;
  let sameHost: boolean;
  try {
    sameHost = new URL(origin).host.toLowerCase() === host.trim().toLowerCase();
  } catch {
    sameHost = false; // "null" (sandboxed frames, file pages) or a malformed Origin
  }
  return sameHost ? null : new Response('This form was sent from another site.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** What a POST decided: where to go next, with which flash and cookies. */
interface Outcome {
  location: string;
  flash?: AccountFlash;
  cookies?: (string | null)[];
}

type PostAction = (ctx: {
  caller: StoreCaller;
  fields: Record<string, string>;
  t: AccountMessages;
  look: StoreLook;
  sessionToken: string | null;
}) => Promise<Outcome>;

/**
 * An account form's POST: Origin checked (a form from another site is refused), the action run, then 303 (Post/
 * Redirect/Get) with the outcome as a flash. `signedIn`: the action needs a live session (else to sign-in).
 */
async function accountPost(request: Request, host: string, path: string, action: PostAction, options: { signedIn?: boolean } = {}): Promise<Response> {
  const refused = crossOriginRefusal(request) ?? crossSiteSignIn(request);
  if (refused) return refused;
  try {
    const fields = await formFields(request);
    const page = await openStorePage(request, host, path);
    const sessionToken = buyerSessionOf(request);
    if (options.signedIn && !sessionToken) return seeOther('/account/sign-in');
    const t = accountMessagesOf(page.look);
    let outcome: Outcome;
    try {
      outcome = await action({ caller: page.caller, fields, t, look: page.look, sessionToken });
    } catch (error) {
      if (options.signedIn && isTrpc(error, 'UNAUTHORIZED')) return seeOther('/account/sign-in', [clearBuyerSessionCookie(request)]);
      throw error;
    }
    return seeOther(outcome.location, [...(outcome.cookies ?? []), outcome.flash ? accountFlashCookie(request, outcome.flash) : null]);
  } catch (error) {
    return errorResponse(error);
  }
}

/** A refusal of the form as a whole, with what was typed kept. */
const refusedWith = (location: string, error: string, fields: Record<string, string>): Outcome => ({ location, flash: { error, values: keptValues(fields) } });

/** Field errors beside their fields, or null when the error is not about fields. */
function fieldRefusal(location: string, error: unknown, t: AccountMessages, fields: Record<string, string>, passwordField?: 'password' | 'currentPassword'): Outcome | null {
  const errors = localFieldErrors(error, t, passwordField);
  return Object.keys(errors).length ? { location, flash: { errors, values: keptValues(fields) } } : null;
}

// ───────────── pages ─────────────

export const answerSignUp = (request: Request, host: string) => publicPage(request, host, '/account/sign-up', (look, flash) => signUpPage(look, flash));
export const answerSignIn = (request: Request, host: string) => publicPage(request, host, '/account/sign-in', (look, flash) => signInPage(look, flash));
export const answerForgot = (request: Request, host: string) => publicPage(request, host, '/account/forgot', (look, flash) => forgotPage(look, flash));

const tokenOf = (page: StorePageContext) => {
  const token = page.request.search.get('token') ?? '';
  return TOKEN.test(token) ? token : '';
};

export const answerReset = (request: Request, host: string) =>
  publicPage(request, host, '/account/reset', (look, flash, page) => resetPage(look, tokenOf(page), flash), { always: true });
export const answerVerify = (request: Request, host: string) =>
  publicPage(request, host, '/account/verify', (look, flash, page) => verifyPage(look, tokenOf(page), flash), { always: true });

/** /account: who is signed in, the verification reminder, and the order history. */
export const answerOverview = (request: Request, host: string) =>
  signedInPage(request, host, '/account', async (look, { caller, sessionToken, buyer, flash }) =>
    overviewPage(look, buyer, await caller.buyerAccount.orderHistory({ sessionToken }), flash),
  );

export const answerAddresses = (request: Request, host: string) =>
  signedInPage(request, host, '/account/addresses', async (look, { caller, sessionToken, page, flash }) => {
    const addresses = await caller.buyerAccount.addresses.list({ sessionToken });
    const editId = page.request.search.get('edit');
    const editing = (editId && addresses.find((a) => a.id === editId)) || null;
    return addressesPage(look, addresses, editing, flash);
  });

export const answerMyData = (request: Request, host: string) =>
  signedInPage(request, host, '/account/data', async (look, { flash }) => myDataPage(look, flash));

/** /account/data/download: the JSON of exportMyData as a file. */
export async function downloadMyData(request: Request, host: string): Promise<Response> {
  try {
    const page = await openStorePage(request, host, '/account/data/download');
    const sessionToken = buyerSessionOf(request);
    if (!sessionToken) return seeOther('/account/sign-in');
    const data = await page.caller.buyerAccount.exportMyData({ sessionToken }).catch((error: unknown) => {
      if (isTrpc(error, 'UNAUTHORIZED')) return null;
      throw error;
    });
    if (!data) return seeOther('/account/sign-in', [clearBuyerSessionCookie(request)]);
    const name = `my-data-${page.store.slug ?? 'store'}-${new Date().toISOString().slice(0, 10)}.json`.replace(/[^A-Za-z0-9._-]/g, '-');
    return new Response(JSON.stringify(data, null, 2), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

// ───────────── forms ─────────────

export const postSignUp = (request: Request, host: string) =>
  accountPost(request, host, '/account/sign-up', async ({ caller, fields, t, look }) => {
    try {
      const result = await caller.buyerAccount.signUp({
        email: fields.email ?? '',
        password: fields.password ?? '',
        name: fields.name ?? '',
        phone: fields.phone || undefined,
        language: look.language,
      });
      return { location: '/account', flash: { signedUp: result.account.email }, cookies: [buyerSessionCookie(request, result.sessionToken)] };
    } catch (error) {
      if (isTrpc(error, 'CONFLICT')) return { location: '/account/sign-up', flash: { errors: { email: t.emailTaken }, values: keptValues(fields) } };
      const refusal = fieldRefusal('/account/sign-up', error, t, fields);
      if (refusal) return refusal;
      throw error;
    }
  });

export const postSignIn = (request: Request, host: string) =>
  accountPost(request, host, '/account/sign-in', async ({ caller, fields, t }) => {
    try {
      const result = await caller.buyerAccount.signIn({ email: fields.email ?? '', password: fields.password ?? '' });
      return { location: '/account', cookies: [buyerSessionCookie(request, result.sessionToken)] };
    } catch (error) {
      if (isTrpc(error, 'UNAUTHORIZED')) return refusedWith('/account/sign-in', t.wrongCredentials, fields);
      if (isTrpc(error, 'TOO_MANY_REQUESTS')) return refusedWith('/account/sign-in', t.tooMany(retryMinutesOf(error)), fields);
      const refusal = fieldRefusal('/account/sign-in', error, t, fields, 'currentPassword');
      if (refusal) return refusal;
      throw error;
    }
  });

export const postSignOut = (request: Request, host: string) =>
  accountPost(request, host, '/account/sign-out', async ({ caller, sessionToken }) => {
    if (sessionToken) await caller.buyerAccount.signOut({ sessionToken }).catch((error: unknown) => {
      if (!(error instanceof TRPCError)) throw error;
    });
    return { location: '/account/sign-in', flash: { notice: 'signedOut' }, cookies: [clearBuyerSessionCookie(request)] };
  });

export const postVerify = (request: Request, host: string) =>
  accountPost(request, host, '/account/verify', async ({ caller, fields, t, sessionToken }) => {
    const token = fields.token ?? '';
    try {
      await caller.buyerAccount.verifyEmail({ token });
      return { location: sessionToken ? '/account' : '/account/sign-in', flash: { notice: 'verified' } };
    } catch (error) {
      if (isTrpc(error, 'BAD_REQUEST')) return { location: `/account/verify?token=${encodeURIComponent(token)}`, flash: { error: t.verifyLinkInvalid } };
      throw error;
    }
  });

export const postResendVerification = (request: Request, host: string) =>
  accountPost(
    request,
    host,
    '/account/verify/resend',
    async ({ caller, t, look, sessionToken }) => {
      try {
        const result = await caller.buyerAccount.resendVerification({ sessionToken: sessionToken!, language: look.language });
        return { location: '/account', flash: { notice: result.alreadyVerified ? 'alreadyVerified' : 'verificationSent' } };
      } catch (error) {
        if (isTrpc(error, 'TOO_MANY_REQUESTS')) return { location: '/account', flash: { error: t.tooManyEmails } };
        throw error;
      }
    },
    { signedIn: true },
  );

export const postForgot = (request: Request, host: string) =>
  accountPost(request, host, '/account/forgot', async ({ caller, fields, t, look }) => {
    try {
      await caller.buyerAccount.requestPasswordReset({ email: fields.email ?? '', language: look.language });
      return { location: '/account/forgot', flash: { notice: 'resetSent' } };
    } catch (error) {
      const refusal = fieldRefusal('/account/forgot', error, t, fields);
      if (refusal) return refusal;
      throw error;
    }
  });

export const postReset = (request: Request, host: string) =>
  accountPost(request, host, '/account/reset', async ({ caller, fields, t }) => {
    const token = fields.token ?? '';
    const back = `/account/reset?token=${encodeURIComponent(token)}`;
    try {
      await caller.buyerAccount.resetPassword({ token, password: fields.password ?? '' });
      return { location: '/account/sign-in', flash: { notice: 'passwordChanged' }, cookies: [clearBuyerSessionCookie(request)] };
    } catch (error) {
      const refusal = fieldRefusal(back, error, t, fields);
      if (refusal && !refusal.flash?.errors?.token) return refusal;
      if (isTrpc(error, 'BAD_REQUEST')) return { location: back, flash: { error: t.resetLinkInvalid } };
      throw error;
    }
  });

/** The address form's fields as the API takes them. */
const addressOf = (f: Record<string, string>) => ({
  name: f.name ?? '',
  line1: f.line1 ?? '',
  line2: f.line2 || undefined,
  city: f.city ?? '',
  region: f.region || undefined,
  postalCode: f.postalCode ?? '',
  country: f.country ?? '',
  phone: f.phone || undefined,
  isDefault: f.isDefault === 'on',
});

type AddressAction = (caller: StoreCaller, sessionToken: string, fields: Record<string, string>) => Promise<AccountFlash['notice']>;

const addressPost = (request: Request, host: string, path: string, action: AddressAction) =>
  accountPost(
    request,
    host,
    path,
    async ({ caller, fields, t, sessionToken }) => {
      try {
        return { location: '/account/addresses', flash: { notice: await action(caller, sessionToken!, fields) } };
      } catch (error) {
        if (isTrpc(error, 'NOT_FOUND')) return { location: '/account/addresses', flash: { error: t.addressGone } };
        const refusal = fieldRefusal(fields.addressId ? `/account/addresses?edit=${encodeURIComponent(fields.addressId)}` : '/account/addresses', error, t, fields);
        if (refusal) return refusal;
        if (isTrpc(error, 'BAD_REQUEST')) return refusedWith('/account/addresses', t.tooManyAddresses, fields);
        throw error;
      }
    },
    { signedIn: true },
  );

export const postAddressCreate = (request: Request, host: string) =>
  addressPost(request, host, '/account/addresses', async (caller, sessionToken, f) => {
    await caller.buyerAccount.addresses.create({ sessionToken, address: addressOf(f) });
    return 'addressSaved';
  });

export const postAddressUpdate = (request: Request, host: string) =>
  addressPost(request, host, '/account/addresses/update', async (caller, sessionToken, f) => {
    await caller.buyerAccount.addresses.update({ sessionToken, addressId: f.addressId ?? '', address: addressOf(f) });
    return 'addressSaved';
  });

export const postAddressRemove = (request: Request, host: string) =>
  addressPost(request, host, '/account/addresses/remove', async (caller, sessionToken, f) => {
    await caller.buyerAccount.addresses.remove({ sessionToken, addressId: f.addressId ?? '' });
    return 'addressRemoved';
  });

export const postAddressDefault = (request: Request, host: string) =>
  addressPost(request, host, '/account/addresses/default', async (caller, sessionToken, f) => {
    await caller.buyerAccount.addresses.setDefault({ sessionToken, addressId: f.addressId ?? '' });
    return 'defaultChanged';
  });

/** Deleting the account: the password and the ticked confirmation; then signed out, on the sign-in page. */
export const postDeleteMyData = (request: Request, host: string) =>
  accountPost(
    request,
    host,
    '/account/data/delete',
    async ({ caller, fields, t, sessionToken }) => {
      if (fields.confirm !== 'yes') return { location: '/account/data', flash: { errors: { confirm: t.confirmDelete } } };
      try {
        await caller.buyerAccount.deleteMyData({ sessionToken: sessionToken!, password: fields.password ?? '', confirm: true });
        return { location: '/account/sign-in', flash: { notice: 'accountDeleted' }, cookies: [clearBuyerSessionCookie(request)] };
      } catch (error) {
        const refusal = fieldRefusal('/account/data', error, t, fields, 'currentPassword');
        if (refusal) return refusal;
        if (isTrpc(error, 'BAD_REQUEST')) return { location: '/account/data', flash: { errors: { password: t.wrongPasswordDelete } } };
        throw error;
      }
    },
    { signedIn: true },
  );
