import { TRPCError } from '@trpc/server';
import { createLogger } from '@vitrine/core/logger';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';
import { currentUser } from '../../../../src/server/auth.ts';

const log = createLogger('web').child({ component: 'ml-callback' });
const ACCOUNTS_PAGE = '/admin/mercadolivre';

/** ML's `error` parameter (RFC 6749 §4.1.2.1) as a sentence for the seller. */
function authorizationError(error: string, description: string | null): string {
  if (error === 'access_denied') return 'You cancelled the authorization on Mercado Livre, so no account was connected.';
  const detail = description?.trim() || error;
  return `Mercado Livre did not authorize the connection (${detail.slice(0, 200)}). Try connecting again.`;
}

function back(request: Request, params: Record<string, string>): Response {
  const url = new URL(ACCOUNTS_PAGE, request.url);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return Response.redirect(url, 303);
}

/**
 * Where Mercado Livre sends the seller back after the consent page (ML_REDIRECT_URI). Finishes the
 * connection for the signed-in person in their active store, then returns to the accounts page with
 * `?connected=<nickname>` or `?error=<sentence>`.
 */
export async function GET(request: Request): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const error = query.get('error');
  if (error) return back(request, { error: authorizationError(error, query.get('error_description')) });

  const code = query.get('code');
  const state = query.get('state');
  if (!code || !state) return back(request, { error: 'Mercado Livre sent the seller back without an authorization code. Start the connection again.' });

  if (!(await currentUser())) {
    // The state stays valid for a few minutes: sign in and come back to this same address.
    const here = new URL(request.url);
    const login = new URL('/login', request.url);
    login.searchParams.set('next', `${here.pathname}${here.search}`);
    return Response.redirect(login, 303);
  }

  const { caller } = await adminCaller();
  if (!caller) return back(request, { error: 'Open a store before connecting Mercado Livre.' });
  try {
    const { nickname } = await caller.mercadolivre.finishConnection({ code, state });
    return back(request, { connected: nickname });
  } catch (cause) {
    if (cause instanceof TRPCError && cause.code !== 'INTERNAL_SERVER_ERROR') {
      // An input the router's schema refused carries zod's issues, not a sentence.
      const invalidInput = cause.cause !== undefined && typeof cause.cause === 'object' && 'issues' in cause.cause;
      return back(request, { error: invalidInput ? 'This authorization link is not valid. Start the connection again.' : cause.message });
    }
    log.error({ err: cause }, 'finishing the Mercado Livre connection failed');
    return back(request, { error: 'Something went wrong while connecting Mercado Livre. Try again in a moment.' });
  }
}
