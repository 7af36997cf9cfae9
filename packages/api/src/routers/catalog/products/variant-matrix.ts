import { badRequest } from '../../../errors.ts';
import { slugify } from '../../../lib/slugify.ts';
import type { OptionsInput, VariantInput } from './inputs.ts';

export type Combination = Record<string, string>;

/** Every combination of the option values, first option slowest: S/Black, S/White, M/Black, … */
export function combinations(options: OptionsInput): Combination[] {
  return options.reduce<Combination[]>(
    (rows, option) => rows.flatMap((row) => option.values.map((value) => ({ ...row, [option.name]: value }))),
    [{}],
  );
}

const skuPart = (text: string) => slugify(text, 40).toUpperCase();

/** <PRODUCT-SLUG>-<VALUE>-<VALUE>, uppercase: "camiseta-basica" + M/Black → "CAMISETA-BASICA-M-BLACK". */
export function skuFor(productSlug: string, combination: Combination): string {
  return [skuPart(productSlug), ...Object.values(combination).map(skuPart)].join('-').slice(0, 64).replace(/-+$/, '');
}

/** A key for a combination that ignores case and option order. */
export function combinationKey(combination: Combination): string {
  return Object.entries(combination)
    .map(([name, value]) => `${name.toLowerCase()}=${value.toLowerCase()}`)
    .sort()
    .join('&');
}

/** `sku`, or `sku-2`, `sku-3`, … whichever is not in `taken` (taken is updated). */
export function freeSku(sku: string, taken: Set<string>): string {
  let candidate = sku;
  for (let n = 2; taken.has(candidate.toUpperCase()); n++) candidate = `${sku.slice(0, 60)}-${n}`;
  taken.add(candidate.toUpperCase());
  return candidate;
}

export interface MatrixRow extends VariantInput {
  id?: string;
  /** False for a combination that is new in this matrix. */
  existing: boolean;
}

/**
 * The variant matrix for these options: a combination already among `current` keeps its row (id, SKU,
 * price, stock, enabled); a new one gets a generated SKU not in `takenSkus` (upper-cased SKUs of the store's
 * other products) nor used by another row, the given price and no stock.
 */
export function buildMatrix(args: {
  slug: string;
  options: OptionsInput;
  current: (VariantInput & { id?: string })[];
  priceAmount: number;
  takenSkus: Set<string>;
}): MatrixRow[] {
  const byCombination = new Map(args.current.map((v) => [combinationKey(v.attributes), v]));
  const combos = combinations(args.options);
  const kept = combos.map((c) => byCombination.get(combinationKey(c)));
  const taken = new Set([...args.takenSkus, ...kept.flatMap((v) => (v ? [v.sku.toUpperCase()] : []))]);
  return combos.map((combination, index) => {
    const found = kept[index];
    const title = Object.values(combination).join(' / ');
    if (found) return { ...found, attributes: combination, title, existing: true };
    return {
      sku: freeSku(skuFor(args.slug, combination), taken),
      title,
      attributes: combination,
      priceAmount: args.priceAmount,
      compareAtAmount: null,
      stock: 0,
      enabled: true,
      existing: false,
    };
  });
}

/**
 * With options, every variant names exactly one value of each option and no two variants share a
 * combination (a sentence naming the variant otherwise). Without options, variants are free-form.
 */
export function assertVariantsMatchOptions(options: OptionsInput, variants: Pick<VariantInput, 'sku' | 'attributes'>[]) {
  if (options.length === 0) return;
  const seen = new Set<string>();
  for (const v of variants) {
    const names = Object.keys(v.attributes);
    for (const option of options) {
      const value = v.attributes[option.name];
      if (value === undefined) throw badRequest(`Variant ${v.sku} needs a value for ${option.name}.`);
      if (!option.values.includes(value)) throw badRequest(`Variant ${v.sku}: "${value}" is not one of the values of ${option.name}.`);
    }
    const extra = names.find((n) => !options.some((o) => o.name === n));
    if (extra) throw badRequest(`Variant ${v.sku} names "${extra}", which is not one of this product's options.`);
    const key = combinationKey(v.attributes);
    if (seen.has(key)) throw badRequest(`Two variants are ${Object.values(v.attributes).join(' / ')}. Keep one of them.`);
    seen.add(key);
  }
}
