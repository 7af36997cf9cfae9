/**
 * The modules the code checks (the `modules` table holds their names and descriptions; plan_modules says which
 * plans include them). A module missing here is not enforced anywhere, so the table and this list go together.
 */
export const MODULE_CODES = ['coupons', 'mercadolivre', 'support'] as const;
export type ModuleCode = (typeof MODULE_CODES)[number];

export function isModuleCode(value: string): value is ModuleCode {
  return (MODULE_CODES as readonly string[]).includes(value);
}
