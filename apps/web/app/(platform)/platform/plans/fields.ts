/** The plan form's limit fields (the keys of plans.limits) and module checkboxes, in the order shown. */
export const LIMIT_FIELDS = ['products', 'ordersPerMonth', 'staffUsers', 'mlAccounts', 'storageMb', 'apiRatePerMinute'] as const;
export const MODULE_FIELDS = ['coupons', 'mercadolivre', 'support'] as const;
export type ModuleField = (typeof MODULE_FIELDS)[number];
