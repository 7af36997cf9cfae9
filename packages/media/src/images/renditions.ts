/** The widths the storefront asks for (thumbnails, cards, product page, zoom). */
export const RENDITION_WIDTHS = [160, 480, 960, 1600] as const;

/**
 * The widths stored for an image `width` pixels wide (after orientation): every standard width below it, and
 * the image's own width when it is narrower than the largest (never enlarged). 300 → [160, 300];
 * 2000 → [160, 480, 960, 1600]; 100 → [100].
 */
export function renditionWidths(width: number): number[] {
  const largest = RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1]!;
  const below = RENDITION_WIDTHS.filter((w) => w < width);
  return width >= largest ? [...RENDITION_WIDTHS] : [...below, width];
}

/** The key of one rendition of an image stored under `baseKey`. */
export const renditionKey = (baseKey: string, width: number) => `${baseKey}/${width}.webp`;

/** The smallest rendition at least `wanted` wide (or the largest there is), for an image whose stored width is `width`. */
export function bestRenditionWidth(width: number, wanted: number): number {
  const widths = renditionWidths(width);
  return widths.find((w) => w >= wanted) ?? widths[widths.length - 1]!;
}
