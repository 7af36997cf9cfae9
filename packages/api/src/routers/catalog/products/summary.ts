/** Price range and stock of a product from its variants (list pages show these, not every variant). */
export interface VariantFigures {
  priceAmount: number;
  currency: string;
  stock: number;
}

export function figuresOf(variants: VariantFigures[]) {
  if (variants.length === 0) return { priceMin: null, priceMax: null, currency: null, totalStock: 0, variantCount: 0 };
  const prices = variants.map((v) => v.priceAmount);
  return {
    priceMin: Math.min(...prices),
    priceMax: Math.max(...prices),
    currency: variants[0]!.currency,
    totalStock: variants.reduce((sum, v) => sum + v.stock, 0),
    variantCount: variants.length,
  };
}

export const PRODUCT_NOT_FOUND = 'We could not find this product in your store.';
