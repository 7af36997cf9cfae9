/** "Camiseta Básica Azul!" → "camiseta-basica-azul" (for product and category addresses). */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug || 'item';
}

/** Addresses inside a store (products, categories). */
export const ITEM_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
