import { describe, expect, it } from 'vitest';
import { limitsOf, limitSentence, upgradeFor, type PlanRow } from './limits.ts';

const plan = (code: string, name: string, rank: number | null, limits: Record<string, number | null>): PlanRow => ({ code, name, rank, limits });
const FREE = plan('free', 'Free', 1, { products: 100, mlAccounts: 1, staffUsers: 1, storageMb: 500 });
const BASIC = plan('basic', 'Basic', 2, { products: 2000, mlAccounts: 3, staffUsers: 3, storageMb: 5000 });
const PRO = plan('pro', 'Pro', 3, { products: 50000, mlAccounts: 10, staffUsers: 15, storageMb: 50000 });
const ENTERPRISE = plan('enterprise', 'Enterprise', 4, { products: null, mlAccounts: null, staffUsers: null, storageMb: null });
const CATALOGUE = [ENTERPRISE, PRO, FREE, BASIC];

describe('limitsOf', () => {
  it('gives every key, a missing or null limit being unlimited', () => {
    expect(limitsOf(FREE)).toEqual({ products: 100, ordersPerMonth: null, staffUsers: 1, mlAccounts: 1, storageMb: 500, apiRatePerMinute: null });
    expect(limitsOf(ENTERPRISE).products).toBeNull();
  });

  it('reads a damaged limits value as no limits rather than failing', () => {
    expect(limitsOf({ limits: 'nonsense' })).toMatchObject({ products: null, mlAccounts: null });
    expect(limitsOf({ limits: { products: 'ten', mlAccounts: 2 } })).toMatchObject({ products: null, mlAccounts: 2 });
  });
});

describe('upgradeFor: the next plan up whose limit is higher', () => {
  it('walks the ranks from the current plan, whatever order the rows come in', () => {
    expect(upgradeFor(FREE, CATALOGUE, 'mlAccounts')?.code).toBe('basic');
    expect(upgradeFor(BASIC, CATALOGUE, 'mlAccounts')?.code).toBe('pro');
    expect(upgradeFor(PRO, CATALOGUE, 'mlAccounts')?.code).toBe('enterprise');
    expect(upgradeFor(ENTERPRISE, CATALOGUE, 'mlAccounts')).toBeNull();
  });

  it('skips a plan whose limit is not higher, and one too small for what is needed', () => {
    const sameStaff = plan('basic', 'Basic', 2, { staffUsers: 1 });
    expect(upgradeFor(FREE, [FREE, sameStaff, PRO], 'staffUsers')?.code).toBe('pro');
    expect(upgradeFor(FREE, CATALOGUE, 'products', 3000)?.code).toBe('pro');
    expect(upgradeFor(FREE, CATALOGUE, 'products', 60000)?.code).toBe('enterprise');
  });

  it('a custom (unranked) plan is lifted by the first public plan above its limit', () => {
    const custom = plan('custom-7', 'Custom', null, { mlAccounts: 5 });
    expect(upgradeFor(custom, CATALOGUE, 'mlAccounts')?.code).toBe('pro');
  });
});

describe('limitSentence', () => {
  it('names the limit, the plan and the plan that lifts it', () => {
    expect(limitSentence('mlAccounts', FREE, 1, BASIC)).toBe('Your Free plan allows 1 Mercado Livre account. Upgrade to Basic to connect up to 3.');
    expect(limitSentence('mlAccounts', PRO, 10, ENTERPRISE)).toBe(
      'Your Pro plan allows 10 Mercado Livre accounts. Upgrade to Enterprise to connect as many as you need.',
    );
    expect(limitSentence('products', BASIC, 2000, PRO)).toBe('Your Basic plan allows 2,000 products. Upgrade to Pro to have up to 50,000.');
    expect(limitSentence('storageMb', FREE, 500, BASIC)).toBe('Your Free plan allows 500 MB of image storage. Upgrade to Basic to store up to 5,000 MB.');
    expect(limitSentence('staffUsers', FREE, 1, null)).toBe(
      'Your Free plan allows 1 team member (pending invitations included). Contact us about a custom plan to go beyond it.',
    );
  });
});
