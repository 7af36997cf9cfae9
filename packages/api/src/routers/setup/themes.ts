/**
 * The storefront themes a store can choose. The storefront route handlers render each one (apps/web
 * src/store/themes); this list is the one the API validates against.
 */
export const STORE_THEMES = ['classic', 'boutique', 'market'] as const;
export type StoreTheme = (typeof STORE_THEMES)[number];
export const DEFAULT_THEME: StoreTheme = 'classic';

export function themeOf(value: string | null | undefined): StoreTheme {
  return (STORE_THEMES as readonly string[]).includes(value ?? '') ? (value as StoreTheme) : DEFAULT_THEME;
}
