import { describe, expect, it } from 'vitest';
import { couponDiscount, couponProblem, normalizeCouponCode, type CouponTerms } from './coupons.ts';
import { formatMoney, shareOf } from './money.ts';
import { shippingOptions, type ShippingRateTerms } from './shipping.ts';
import { taxOn, taxRuleFor, type TaxRuleTerms } from './tax.ts';
import { orderTotals, subtotalOf, weightOf } from './totals.ts';

describe('shareOf: a share of an amount in basis points, rounded half up once', () => {
  it.each([
    [10_000, 1_000, 1_000],
    [999, 1_000, 100], // 99.9 → 100
    [995, 1_000, 100], // 99.5 → 100 (half up)
    [994, 1_000, 99], // 99.4 → 99
    [1, 5_000, 1], // 0.5 → 1
    [1, 4_999, 0],
    [0, 10_000, 0],
    [12_345, 10_000, 12_345],
    [333, 3_333, 111], // 110.99 → 111
  ])('%i × %i bp = %i', (amount, bp, expected) => {
    expect(shareOf(amount, bp)).toBe(expected);
  });

  it('formats minor units as the currency reads', () => {
    expect(formatMoney(5000, 'USD', 'en')).toBe('$50.00');
    expect(formatMoney(123456, 'BRL', 'pt-BR')).toMatch(/^R\$\s1\.234,56$/);
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500');
  });
});

const coupon = (over: Partial<CouponTerms> = {}): CouponTerms => ({
  code: 'SAVE10',
  kind: 'PERCENT',
  value: 1_000,
  minimumOrderAmount: 0,
  startsAt: null,
  expiresAt: null,
  maxUses: null,
  maxUsesPerBuyer: null,
  active: true,
  usedCount: 0,
  ...over,
});
const now = new Date('2026-06-15T12:00:00Z');
const check = { now, subtotal: 10_000, currency: 'USD', locale: 'en' };

describe('couponProblem: why a coupon cannot be used, or null', () => {
  it.each<[string, CouponTerms | null, Partial<typeof check> & { buyerUses?: number }, string | null, RegExp | null]>([
    ['a usable coupon', coupon(), {}, null, null],
    ['no such coupon', null, {}, 'unknown', /does not exist/],
    ['switched off', coupon({ active: false }), {}, 'inactive', /no longer valid/],
    ['not started', coupon({ startsAt: new Date('2026-06-16T00:00:00Z') }), {}, 'not_started', /not valid yet/],
    ['started exactly now', coupon({ startsAt: now }), {}, null, null],
    ['expired yesterday', coupon({ expiresAt: new Date('2026-06-14T00:00:00Z') }), {}, 'expired', /SAVE10 has expired/],
    ['expiring exactly now', coupon({ expiresAt: now }), {}, 'expired', /expired/],
    ['expiring later', coupon({ expiresAt: new Date('2026-06-15T12:00:01Z') }), {}, null, null],
    ['used up', coupon({ maxUses: 5, usedCount: 5 }), {}, 'used_up', /used up/],
    ['one use left', coupon({ maxUses: 5, usedCount: 4 }), {}, null, null],
    ['this buyer used it already', coupon({ maxUsesPerBuyer: 1 }), { buyerUses: 1 }, 'buyer_limit', /once per buyer/],
    ['this buyer twice of three', coupon({ maxUsesPerBuyer: 3 }), { buyerUses: 2 }, null, null],
    ['buyer unknown yet', coupon({ maxUsesPerBuyer: 1 }), {}, null, null],
    ['below the minimum', coupon({ minimumOrderAmount: 10_001 }), {}, 'minimum', /at least \$100\.01/],
    ['exactly the minimum', coupon({ minimumOrderAmount: 10_000 }), {}, null, null],
  ])('%s', (_name, terms, over, reason, message) => {
    const problem = couponProblem(terms, { ...check, ...over });
    expect(problem?.reason ?? null).toBe(reason);
    if (message) expect(problem!.message).toMatch(message);
  });

  it('compares codes upper case without surrounding spaces', () => {
    expect(normalizeCouponCode('  save10 ')).toBe('SAVE10');
  });
});

describe('couponDiscount: never more than the goods', () => {
  it.each([
    ['10 % of 100.00', coupon(), 10_000, 1_000],
    ['12.5 % of 9.99, rounded half up', coupon({ value: 1_250 }), 999, 125],
    ['100 %', coupon({ value: 10_000 }), 4_321, 4_321],
    ['fixed 20.00 on 100.00', coupon({ kind: 'FIXED', value: 2_000 }), 10_000, 2_000],
    ['fixed 20.00 on 15.00 stops at 15.00', coupon({ kind: 'FIXED', value: 2_000 }), 1_500, 1_500],
    ['anything on an empty cart', coupon({ kind: 'FIXED', value: 2_000 }), 0, 0],
  ])('%s', (_name, terms, subtotal, expected) => {
    expect(couponDiscount(terms, subtotal)).toBe(expected);
  });
});

const rate = (over: Partial<ShippingRateTerms>): ShippingRateTerms => ({
  id: 'r', kind: 'ORDER_VALUE', name: 'Standard', minValue: 0, maxValue: null, priceAmount: 1_500, position: 0, ...over,
});
const byValue = [
  rate({ id: 'std', name: 'Standard', minValue: 0, maxValue: 20_000, priceAmount: 1_500, position: 0 }),
  rate({ id: 'free', name: 'Free', minValue: 20_000, maxValue: null, priceAmount: 0, position: 1 }),
];
const byWeight = [
  rate({ id: 'light', kind: 'WEIGHT', name: 'Light', minValue: 0, maxValue: 1_000, priceAmount: 1_000, position: 0 }),
  rate({ id: 'heavy', kind: 'WEIGHT', name: 'Heavy', minValue: 1_000, maxValue: 5_000, priceAmount: 2_500, position: 1 }),
];
const pickup = rate({ id: 'p', kind: 'PICKUP', name: 'Counter', priceAmount: 0 });

describe('shippingOptions: the band holding the order, then pickup', () => {
  it.each<[string, ShippingRateTerms[], { orderValue: number; weightGrams: number }, string[]]>([
    ['value below the free band', byValue, { orderValue: 19_999, weightGrams: 0 }, ['std']],
    ['value at the free band start (inclusive)', byValue, { orderValue: 20_000, weightGrams: 0 }, ['free']],
    ['value with pickup', [...byValue, pickup], { orderValue: 5_000, weightGrams: 0 }, ['std', 'pickup']],
    ['weight in the light band', byWeight, { orderValue: 99_999, weightGrams: 999 }, ['light']],
    ['weight at the heavy band start', byWeight, { orderValue: 0, weightGrams: 1_000 }, ['heavy']],
    ['weight beyond every band: pickup only', [...byWeight, pickup], { orderValue: 0, weightGrams: 5_000 }, ['pickup']],
    ['weight beyond every band, no pickup', byWeight, { orderValue: 0, weightGrams: 5_000 }, []],
    ['no rates at all', [], { orderValue: 100, weightGrams: 0 }, []],
  ])('%s', (_name, rates, measure, ids) => {
    expect(shippingOptions(rates, measure).map((o) => o.id)).toEqual(ids);
  });

  it('carries the name and price of the option', () => {
    expect(shippingOptions([...byValue, pickup], { orderValue: 100, weightGrams: 0 })).toEqual([
      { id: 'std', kind: 'ORDER_VALUE', name: 'Standard', amount: 1_500 },
      { id: 'pickup', kind: 'PICKUP', name: 'Counter', amount: 0 },
    ]);
  });
});

const rule = (over: Partial<TaxRuleTerms>): TaxRuleTerms => ({
  id: 'x', name: 'Tax', country: 'US', region: null, rateBasisPoints: 500, appliesToShipping: false, ...over,
});
const rules = [
  rule({ id: 'us', country: 'US', region: null, rateBasisPoints: 500 }),
  rule({ id: 'us-ca', country: 'US', region: 'CA', rateBasisPoints: 725, appliesToShipping: true }),
  rule({ id: 'br-sp', country: 'BR', region: 'SP', rateBasisPoints: 1_800 }),
];

describe('taxRuleFor: the most specific rule of the address', () => {
  it.each<[string, { country: string; region?: string | null }, string | null]>([
    ['the region’s own rule', { country: 'US', region: 'CA' }, 'us-ca'],
    ['region codes in any case', { country: 'us', region: ' ca ' }, 'us-ca'],
    ['a region without its rule falls back to the country', { country: 'US', region: 'NY' }, 'us'],
    ['no region given: the country', { country: 'US' }, 'us'],
    ['a country with only regional rules, another region', { country: 'BR', region: 'RJ' }, null],
    ['a country without rules', { country: 'DE', region: 'BE' }, null],
  ])('%s', (_name, address, id) => {
    expect(taxRuleFor(rules, address)?.id ?? null).toBe(id);
  });

  it.each([
    ['no rule: no tax', null, 10_000, 1_500, 0],
    ['goods only', rule({ rateBasisPoints: 500 }), 10_000, 1_500, 500],
    ['goods and shipping when the rule says so', rule({ rateBasisPoints: 725, appliesToShipping: true }), 10_000, 1_500, 834], // 833.75
    ['rounded once on the whole taxable amount', rule({ rateBasisPoints: 1_000 }), 5, 0, 1], // 0.5 → 1
  ])('taxOn: %s', (_name, r, goods, shipping, expected) => {
    expect(taxOn(r, goods, shipping)).toBe(expected);
  });
});

describe('orderTotals: subtotal − discount + shipping + tax', () => {
  const lines = [
    { unitPrice: 5_000, quantity: 2, weightGrams: 300 },
    { unitPrice: 1_999, quantity: 1, weightGrams: null },
  ];
  it('adds lines and weights', () => {
    expect(subtotalOf(lines)).toBe(11_999);
    expect(weightOf(lines)).toBe(600);
  });

  it.each([
    ['nothing but goods', null, 0, null, { subtotal: 11_999, discount: 0, shipping: 0, tax: 0, total: 11_999 }],
    ['10 % off, shipping, tax on goods', coupon(), 1_500, rule({ rateBasisPoints: 1_000 }), { subtotal: 11_999, discount: 1_200, shipping: 1_500, tax: 1_080, total: 13_379 }],
    ['tax on goods and shipping', null, 1_500, rule({ rateBasisPoints: 1_000, appliesToShipping: true }), { subtotal: 11_999, discount: 0, shipping: 1_500, tax: 1_350, total: 14_849 }],
    ['a fixed coupon above the goods: goods free, shipping still due', coupon({ kind: 'FIXED', value: 50_000 }), 1_500, rule({ rateBasisPoints: 1_000, appliesToShipping: true }), { subtotal: 11_999, discount: 11_999, shipping: 1_500, tax: 150, total: 1_650 }],
  ])('%s', (_name, c, shipping, taxRule, expected) => {
    const totals = orderTotals({ lines, coupon: c, shipping, taxRule });
    expect(totals).toEqual(expected);
    expect(totals.total).toBe(totals.subtotal - totals.discount + totals.shipping + totals.tax);
  });
});
