import { bestRenditionWidth } from '@vitrine/media/images';
import { storefrontMessages, type StorefrontMessages } from '../i18n/messages/storefront.ts';
import { html, type Html } from './html.ts';

/**
 * The storefront themes (the API validates the names: packages/api/src/routers/setup/themes.ts). Each is a
 * layout and typography over the store's own colours and logo:
 *   classic  — clean sans-serif, brand-coloured bar, even grid of cards;
 *   boutique — serif, cream paper, centred letter-spaced masthead, airy portrait tiles;
 *   market   — bold and dense, accent strip, square tiles with big prices, four to a row.
 */
export const THEME_NAMES = ['classic', 'boutique', 'market'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export interface ThemeLook {
  name: string;
  theme?: string;
  primaryColor?: string;
  accentColor?: string;
  logoUrl?: string | null;
  readyToSell?: boolean;
}

const HEX = /^#[0-9a-fA-F]{6}$/;
const themeOf = (t?: string): ThemeName => ((THEME_NAMES as readonly string[]).includes(t ?? '') ? (t as ThemeName) : 'classic');

/** Black or white, whichever reads better on the colour. */
function contrastOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return luminance > 0.4 ? '#111111' : '#ffffff';
}

/** A logo we serve ourselves or one on https only. */
const safeLogo = (url?: string | null) => (url && (url.startsWith('/media/') || url.startsWith('https://')) ? url : null);

const CSS: Record<ThemeName, string> = {
  classic: `
body.theme-classic{--font:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
.t-header{background:var(--brand);color:var(--brand-contrast)}
.t-header .t-bar{max-width:1080px;margin:0 auto;padding:14px 16px;display:flex;align-items:center;gap:12px}
.t-brand{color:inherit;text-decoration:none;font-weight:700;font-size:1.3rem;display:flex;align-items:center;gap:10px}
.t-logo{height:40px;width:auto;border-radius:6px;background:#fff}
.t-hero{background:linear-gradient(180deg,var(--brand) 0,var(--brand) 40%,var(--bg) 40%)}
.t-hero .t-inner{max-width:1080px;margin:0 auto;padding:8px 16px 0}
.t-hero .t-panel{background:var(--surface);border:1px solid var(--border);border-radius:12px;padding:28px;box-shadow:0 6px 24px rgba(0,0,0,.06)}
.t-hero h1{margin:0 0 6px;font-size:1.8rem}.t-hero p{margin:0;color:var(--muted)}
.theme-classic .v-grid{grid-template-columns:repeat(auto-fill,minmax(220px,1fr))}
.theme-classic [data-testid=product-card]{border-radius:12px;transition:box-shadow .15s}
.theme-classic [data-testid=product-card]:hover{box-shadow:0 6px 18px rgba(0,0,0,.08)}
.t-tile{aspect-ratio:4/3;border-radius:8px;margin-bottom:12px;display:grid;place-items:center;font-size:2.2rem;font-weight:700;color:var(--brand);background:color-mix(in srgb,var(--brand) 12%,#fff)}
`,
  boutique: `
body.theme-boutique{--font:Georgia,'Iowan Old Style','Palatino Linotype','Times New Roman',serif;--bg:#fbf8f3;--surface:#fffdf9;--border:#e9e1d4;--radius:2px}
.t-header{background:var(--bg);color:var(--text);border-bottom:1px solid var(--border)}
.t-header .t-bar{max-width:1080px;margin:0 auto;padding:28px 16px 20px;display:flex;flex-direction:column;align-items:center;gap:10px}
.t-header .t-bar::after{content:'';display:block;width:56px;height:2px;background:var(--accent)}
.t-brand{color:var(--text);text-decoration:none;font-size:1.7rem;letter-spacing:.22em;text-transform:uppercase;font-weight:400;display:flex;flex-direction:column;align-items:center;gap:10px}
.t-logo{height:64px;width:auto}
.t-hero .t-inner{max-width:720px;margin:0 auto;padding:40px 16px 8px;text-align:center}
.t-hero h1{font-weight:400;font-style:italic;font-size:2.2rem;margin:0 0 10px;color:var(--brand)}
.t-hero p{margin:0;color:var(--muted);font-size:1.1rem}
.theme-boutique .v-page{max-width:1000px}
.theme-boutique .v-grid{grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:40px 28px}
.theme-boutique [data-testid=product-card]{background:transparent;border:0;padding:0;text-align:center}
.theme-boutique [data-testid=product-card] h2{font-weight:400;letter-spacing:.04em}
.theme-boutique [data-testid=product-card] a{color:var(--text);text-decoration:none}
.t-tile{aspect-ratio:4/5;margin-bottom:14px;display:grid;place-items:center;font-size:3rem;font-style:italic;color:var(--brand);background:linear-gradient(160deg,color-mix(in srgb,var(--accent) 22%,#fff),color-mix(in srgb,var(--brand) 10%,#fff))}
.theme-boutique .v-badge{border:0;font-style:italic;padding:0}
.theme-boutique article.v-card{border:0;background:transparent;padding:0}
.theme-boutique h1[data-testid=product-title]{font-weight:400;font-size:2.2rem}
`,
  market: `
body.theme-market{--font:'Helvetica Neue',Arial,'Liberation Sans',sans-serif;--radius:4px;--bg:#f1f2f4}
.t-header{background:var(--brand);color:var(--brand-contrast);position:sticky;top:0;z-index:2;box-shadow:0 2px 8px rgba(0,0,0,.15)}
.t-header .t-bar{max-width:1240px;margin:0 auto;padding:10px 16px;display:flex;align-items:center;gap:12px}
.t-brand{color:inherit;text-decoration:none;font-weight:900;font-size:1.5rem;text-transform:uppercase;letter-spacing:-.01em;display:flex;align-items:center;gap:10px}
.t-logo{height:36px;width:auto;background:#fff;border-radius:4px;padding:2px}
.t-hero{background:var(--accent);color:var(--accent-contrast)}
.t-hero .t-inner{max-width:1240px;margin:0 auto;padding:8px 16px;min-height:8px}
.t-hero h1{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.t-hero p{margin:0;font-weight:700;font-size:.85rem;text-transform:uppercase;letter-spacing:.06em}
.theme-market .v-page{max-width:1240px;padding-top:12px}
.theme-market .v-grid{grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:10px}
.theme-market [data-testid=product-card]{padding:10px;border-radius:4px}
.theme-market [data-testid=product-card] h2{font-size:.95rem!important;font-weight:600}
.theme-market [data-testid=product-card] a{color:var(--text);text-decoration:none}
.theme-market [data-testid=product-card] p:first-of-type{font-size:1.35rem;font-weight:900;color:var(--brand)}
.t-tile{aspect-ratio:1;margin-bottom:8px;display:grid;place-items:center;font-size:2.4rem;font-weight:900;color:var(--brand-contrast);background:linear-gradient(135deg,var(--brand),color-mix(in srgb,var(--brand) 55%,var(--accent)))}
.theme-market h1[data-testid=product-title]{text-transform:uppercase;font-weight:900}
`,
};

const COMMON = `
.t-tile--photo{padding:0;overflow:hidden;background:var(--surface)}
.t-tile--photo img{width:100%;height:100%;object-fit:cover;display:block}
.t-photo{display:block;width:100%;max-width:520px;height:auto;border-radius:var(--radius);margin-bottom:12px}
.t-checkout{margin:16px 0;padding:14px 16px;border-radius:var(--radius);border:1px solid var(--border);background:var(--surface)}
.t-checkout--closed{border-color:var(--warning);background:#fff8e6;color:#5c3d00}
.t-checkout strong{display:block;margin-bottom:2px}
.t-tools{margin-left:auto;display:flex;align-items:center;gap:10px;flex-wrap:wrap}
.t-search{display:flex;gap:6px}
.t-search input{min-width:0;width:min(280px,50vw);padding:7px 10px;border:1px solid var(--border);border-radius:var(--radius);font:inherit;color:var(--text);background:var(--surface)}
.t-search button,.t-filters button{padding:7px 12px;border:0;border-radius:var(--radius);font:inherit;cursor:pointer;background:var(--accent);color:var(--accent-contrast)}
.t-langs{display:flex;gap:8px;font-size:.85rem}.t-langs a{color:inherit}.t-langs [aria-current]{font-weight:700;text-decoration:none}
.t-nav{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 16px;padding:0;list-style:none}
.t-nav a{display:inline-block;padding:5px 12px;border:1px solid var(--border);border-radius:999px;background:var(--surface);color:var(--text);text-decoration:none}
.t-listing{display:grid;grid-template-columns:minmax(180px,240px) 1fr;gap:24px;align-items:start}
@media (max-width:760px){.t-listing{grid-template-columns:1fr}}
.t-filters fieldset{border:1px solid var(--border);border-radius:var(--radius);margin:0 0 12px;padding:8px 12px}
.t-filters legend{font-weight:600;padding:0 4px}.t-filters label{display:block;margin:4px 0}
.t-filters ul{list-style:none;margin:0;padding:0}.t-filters li{margin:4px 0}
.t-filters [aria-current]{font-weight:700}
.t-count{color:var(--muted);font-size:.85em}
.t-pager{display:flex;gap:16px;align-items:center;justify-content:center;margin:20px 0}
.t-crumbs{font-size:.9rem;margin:0 0 8px;color:var(--muted)}.t-crumbs a{color:inherit}
.v-sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.t-cart{color:inherit;font-weight:600;white-space:nowrap;padding:6px 10px;border:1px solid currentColor;border-radius:var(--radius);text-decoration:none}
.t-add{margin:16px 0;display:flex;gap:12px;align-items:end;flex-wrap:wrap}.t-add .v-field{margin:0}
.t-totals{max-width:360px;margin-left:auto}.t-cart-foot{display:flex;gap:24px;justify-content:space-between;align-items:start;flex-wrap:wrap;margin:16px 0}
fieldset.v-card legend{font-weight:700;padding:0 4px}
`;

/** The theme's stylesheet with the store's colours (checked to be #rrggbb) as variables. */
export function themeCss(look?: ThemeLook): string {
  const brand = look?.primaryColor && HEX.test(look.primaryColor) ? look.primaryColor : '#2f5bea';
  const accent = look?.accentColor && HEX.test(look.accentColor) ? look.accentColor : brand;
  return `:root{--brand:${brand};--brand-contrast:${contrastOn(brand)};--accent:${accent};--accent-contrast:${contrastOn(accent)}}${CSS[themeOf(look?.theme)]}${COMMON}`;
}

export const themeClass = (look?: ThemeLook) => `theme-${themeOf(look?.theme)}`;

/** The store's masthead: logo and name, laid out by the theme. */
export function themeHeader(look: ThemeLook, homeHref = '/', tools: Html | '' = ''): Html {
  const logo = safeLogo(look.logoUrl);
  return html`<header class="t-header"><div class="t-bar"><a href="${homeHref}" class="t-brand">${logo ? html`<img class="t-logo" src="${logo}" alt="">` : ''}<span data-testid="store-name">${look.name}</span></a>${tools}</div></header>`;
}

/** The front page's opening: the store's name and description. */
export function themeHero(look: ThemeLook, description: string | null): Html {
  return html`<section class="t-hero"><div class="t-inner"><div class="t-panel-wrap">${
    themeOf(look.theme) === 'classic'
      ? html`<div class="t-panel"><h1>${look.name}</h1>${description ? html`<p>${description}</p>` : ''}</div>`
      : html`<h1>${look.name}</h1>${description ? html`<p>${description}</p>` : ''}`
  }</div></div></section>`;
}

export interface StoredPhoto {
  storageKey: string;
  alt?: string;
  width: number | null;
}

/** A stored photo at the smallest rendition at least `wanted` pixels wide (renditions are never enlarged). */
export function productPhoto(photo: StoredPhoto, title: string, wanted: number, className = 't-photo'): Html {
  const width = bestRenditionWidth(photo.width ?? wanted, wanted);
  return html`<img class="${className}" src="/media/${photo.storageKey}/${width}.webp" alt="${photo.alt || title}" loading="lazy">`;
}

/** A product's picture frame: its first photo, or its first letter on the store's colours until it has photos. */
export function productTile(title: string, photo?: StoredPhoto | null): Html {
  if (photo) return html`<div class="t-tile t-tile--photo">${productPhoto(photo, title, 480, '')}</div>`;
  return html`<div class="t-tile" aria-hidden="true">${(title.trim()[0] ?? '•').toUpperCase()}</div>`;
}

/** Where buying happens: closed with a clear sentence until the store has set up payments. */
export function checkoutArea(look: ThemeLook, t: CheckoutMessages = storefrontMessages.en): Html {
  if (look.readyToSell === false) {
    return html`<div class="t-checkout t-checkout--closed" data-testid="checkout-not-ready" role="status"><strong>${t.notReadyTitle}</strong>${t.notReadyBody}</div>`;
  }
  return html`<div class="t-checkout" data-testid="checkout-ready"><strong>${t.securePaymentTitle}</strong>${t.securePaymentBody}</div>`;
}

type CheckoutMessages = Pick<StorefrontMessages, 'notReadyTitle' | 'notReadyBody' | 'securePaymentTitle' | 'securePaymentBody'>;

/** The parts of the storefront's store answer a themed page needs. */
export function themeLookOf(store: { theme: string; readyToSell: boolean; branding: { accentColor?: string; logoUrl?: string | null } }) {
  return { theme: store.theme, accentColor: store.branding.accentColor, logoUrl: store.branding.logoUrl ?? null, readyToSell: store.readyToSell };
}
