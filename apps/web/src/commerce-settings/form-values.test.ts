import { describe, expect, it } from 'vitest';
import { couponsMessages } from '../i18n/messages/coupons.ts';
import { couponFormValues, couponTermsOf, dayToInstant, instantToDay, percentToBasisPoints, type CouponTerms } from './form-values.ts';

const t = couponsMessages.en;

describe('commerce settings form values', () => {
  it('reads percentages into basis points, in either decimal separator', () => {
    expect(percentToBasisPoints('10')).toBe(1_000);
    expect(percentToBasisPoints('7,25')).toBe(725);
    expect(percentToBasisPoints('0.5')).toBe(50);
    expect(percentToBasisPoints('ten')).toBeNull();
    expect(percentToBasisPoints('1.234')).toBeNull();
  });

  it('reads a "valid until" day as the start of the next day, and shows it back as the same day', () => {
    const until = dayToInstant('2030-01-31', true)!;
    expect(until.toISOString()).toBe('2030-02-01T00:00:00.000Z');
    expect(instantToDay(until, true)).toBe('2030-01-31');
    expect(dayToInstant('31/01/2030')).toBeNull();
  });

  it("turns the coupon form into the router's terms and back", () => {
    const values = { code: 'SUMMER', kind: 'FIXED', value: '15,50', minimumOrderAmount: '100', startsAt: '2030-01-01', expiresAt: '2030-01-31', maxUses: '', maxUsesPerBuyer: '2' };
    const read = couponTermsOf(values, 'BRL', t);
    expect(read).toEqual({
      terms: {
        kind: 'FIXED',
        value: 1_550,
        minimumOrderAmount: 10_000,
        startsAt: new Date('2030-01-01T00:00:00Z'),
        expiresAt: new Date('2030-02-01T00:00:00Z'),
        maxUses: null,
        maxUsesPerBuyer: 2,
      },
    });
    expect(couponFormValues({ code: 'SUMMER', ...(read as { terms: CouponTerms }).terms }, 'BRL')).toEqual({ ...values, value: '15.50', minimumOrderAmount: '100.00' });
  });

  it('names the fields that are not numbers or days, and leaves the rest to the router', () => {
    expect(couponTermsOf({ kind: 'PERCENT', value: 'lots', maxUses: '1.5', startsAt: 'soon', minimumOrderAmount: 'x' }, 'USD', t)).toEqual({
      fieldErrors: { value: t.badNumber, maxUses: t.badWhole, startsAt: t.badDate, minimumOrderAmount: t.badAmount },
    });
    // 0 uses and a 0.5 % discount are numbers: the router refuses them with its own sentences.
    expect(couponTermsOf({ kind: 'PERCENT', value: '0.5', maxUses: '0' }, 'USD', t)).toMatchObject({ terms: { value: 50, maxUses: 0 } });
  });
});
