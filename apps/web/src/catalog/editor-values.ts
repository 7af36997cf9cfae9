/** Values the product editor shows, made on the server (pages) and in the browser (the editor) alike. */
export interface EditorVariant {
  id?: string;
  sku: string;
  title: string;
  attributes: Record<string, string>;
  price: string;
  stock: string;
  enabled: boolean;
}

export const minorToText = (minor: number, currency: string) => {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (minor / 10 ** digits).toFixed(digits);
};
export const variantToEditor = (
  v: { id: string; sku: string; title: string; attributes: unknown; priceAmount: number; stock: number; enabled: boolean },
  currency: string,
): EditorVariant => ({
  id: v.id,
  sku: v.sku,
  title: v.title,
  attributes: (v.attributes ?? {}) as Record<string, string>,
  price: minorToText(v.priceAmount, currency),
  stock: String(v.stock),
  enabled: v.enabled,
});

