/**
 * The public plan catalogue: the rows the migrations leave (20261128050300_plan_catalogue inserts them,
 * 20261128120000_plan_prices_brl prices them in BRL as Stripe charges them; a test keeps the two equal). Limits are data: a null limit is unlimited (Enterprise: agreed per contract). The application reads
 * plans from the `plans` table only; this list exists so the demo seed can restore a missing plan.
 */
export interface CataloguePlan {
  code: string;
  name: string;
  rank: number;
  priceAmount: number;
  currency: string;
  trialDays: number;
  limits: {
    products: number | null;
    ordersPerMonth: number | null;
    staffUsers: number | null;
    mlAccounts: number | null;
    storageMb: number | null;
    apiRatePerMinute: number | null;
  };
}

export const PLAN_CATALOGUE: readonly CataloguePlan[] = [
  {
    code: 'free', name: 'Free', rank: 1, priceAmount: 0, currency: 'BRL', trialDays: 0,
    limits: { products: 100, ordersPerMonth: 100, staffUsers: 1, mlAccounts: 1, storageMb: 500, apiRatePerMinute: 120 },
  },
  {
    code: 'basic', name: 'Basic', rank: 2, priceAmount: 4900, currency: 'BRL', trialDays: 14,
    limits: { products: 2000, ordersPerMonth: 2000, staffUsers: 3, mlAccounts: 3, storageMb: 5000, apiRatePerMinute: 600 },
  },
  {
    code: 'pro', name: 'Pro', rank: 3, priceAmount: 14900, currency: 'BRL', trialDays: 14,
    limits: { products: 50000, ordersPerMonth: 50000, staffUsers: 15, mlAccounts: 10, storageMb: 50000, apiRatePerMinute: 3000 },
  },
  {
    code: 'enterprise', name: 'Enterprise', rank: 4, priceAmount: 0, currency: 'BRL', trialDays: 30,
    limits: { products: null, ordersPerMonth: null, staffUsers: null, mlAccounts: null, storageMb: null, apiRatePerMinute: null },
  },
];
