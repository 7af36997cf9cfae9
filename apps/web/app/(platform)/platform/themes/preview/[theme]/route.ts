import { currentUser } from '../../../../../../src/server/auth.ts';
import { storeHomePage } from '../../../../../../src/store/pages.ts';
import { htmlResponse } from '../../../../../../src/store/respond.ts';
import { THEME_NAMES } from '../../../../../../src/store/themes.ts';

export const dynamic = 'force-dynamic';

/** Links in the preview lead nowhere: it shows a theme, it is not a store. */
const INERT = '<style>a,button,input{pointer-events:none}</style><base target="_top">';

const SAMPLE_PRODUCTS = [
  { slug: 'linen-shirt', title: 'Linen shirt', priceMin: 18_900, priceMax: 18_900, currency: 'BRL', inStock: true },
  { slug: 'ceramic-mug', title: 'Ceramic mug', priceMin: 5_900, priceMax: 6_900, currency: 'BRL', inStock: true },
  { slug: 'canvas-tote', title: 'Canvas tote', priceMin: 7_500, priceMax: 7_500, currency: 'BRL', inStock: false },
  { slug: 'wool-scarf', title: 'Wool scarf', priceMin: 12_000, priceMax: 12_000, currency: 'BRL', inStock: true },
];

/**
 * A theme as buyers would see it, on a sample store (platform staff only): the theme catalogue frames it.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ theme: string }> }) {
  const user = await currentUser();
  if (!user || user.platformRole !== 'SUPER_ADMIN') return htmlResponse('<p>Not found.</p>', 404);
  const { theme } = await params;
  if (!(THEME_NAMES as readonly string[]).includes(theme)) return htmlResponse('<p>There is no such theme.</p>', 404);
  const look = { name: 'Sample store', locale: 'pt-BR', language: 'en' as const, primaryColor: '#2f6fed', accentColor: '#f59e0b', theme, readyToSell: true, logoUrl: null };
  const page = storeHomePage(look, SAMPLE_PRODUCTS, 'A sample store showing the theme.').replace('</head>', `${INERT}</head>`);
  const response = htmlResponse(page);
  response.headers.set('content-security-policy', "frame-ancestors 'self'");
  response.headers.set('x-frame-options', 'SAMEORIGIN');
  return response;
}
