import { TRPCError } from '@trpc/server';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { storeHomePage } from '../../../../../src/store/pages.ts';
import { htmlResponse } from '../../../../../src/store/respond.ts';
import { themeLookOf, THEME_NAMES } from '../../../../../src/store/themes.ts';

export const dynamic = 'force-dynamic';

/** Links in the preview lead nowhere: it shows the store, it is not a way into it. */
const INERT = '<style>a{pointer-events:none}</style><base target="_top">';

/**
 * The store's front page as buyers will see it, for its own members (signed in, same site) and before it is
 * published: the wizard's live preview. `?theme=` shows another theme without saving it.
 */
export async function GET(request: Request) {
  if (!(await currentUser())) return htmlResponse('<p>Please sign in to see the preview.</p>', 401);
  const { caller } = await adminCaller();
  if (!caller) return htmlResponse('<p>Open a store first.</p>', 404);
  const requested = new URL(request.url).searchParams.get('theme') ?? undefined;
  const theme = (THEME_NAMES as readonly string[]).includes(requested ?? '') ? (requested as (typeof THEME_NAMES)[number]) : undefined;
  try {
    const home = await caller.setup.preview({ theme });
    const look = { name: home.store.name, locale: home.store.locale, primaryColor: home.store.branding.primaryColor, ...themeLookOf(home.store) };
    const page = storeHomePage(look, home.products.items, home.seo.description).replace('</head>', `${INERT}</head>`);
    const response = htmlResponse(page);
    // Only our own admin pages may frame it.
    response.headers.set('content-security-policy', "frame-ancestors 'self'");
    response.headers.set('x-frame-options', 'SAMEORIGIN');
    return response;
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'FORBIDDEN') return htmlResponse(`<p>${error.message}</p>`, 403);
    throw error;
  }
}
