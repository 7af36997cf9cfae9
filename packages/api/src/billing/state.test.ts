import { describe, expect, it } from 'vitest';
import { nextBilling, type HeldBilling, type StripeSide } from './state.ts';

const NOW = new Date('2026-11-28T12:00:00Z');
const DAY = 86_400_000;
const held = (over: Partial<HeldBilling> = {}): HeldBilling => ({
  planCode: 'basic',
  tenantStatus: 'ACTIVE',
  billingStatus: 'CURRENT',
  subscriptionId: 'sub_1',
  subscriptionStatus: 'active',
  cancelAtPeriodEnd: false,
  pastDueSince: null,
  graceEndsAt: null,
  restrictedAt: null,
  ...over,
});
const side = (over: Partial<StripeSide> = {}): StripeSide => ({
  subscriptionId: 'sub_1',
  status: 'active',
  planCode: 'basic',
  cancelAtPeriodEnd: false,
  trialEnd: null,
  currentPeriodEnd: new Date(NOW.getTime() + 30 * DAY),
  ...over,
});

describe('nextBilling', () => {
  it('a first trialing view starts the plan in TRIAL; the same view again changes nothing', () => {
    const first = nextBilling(held({ planCode: 'free', subscriptionId: 'sub_1', subscriptionStatus: null, tenantStatus: 'TRIAL' }), side({ status: 'trialing', trialEnd: new Date(NOW.getTime() + 14 * DAY) }), NOW, 7);
    expect(first).toMatchObject({ planCode: 'basic', tenantStatus: 'TRIAL', billingStatus: 'CURRENT', changes: [{ kind: 'started', plan: 'basic' }] });
    const again = nextBilling(held({ subscriptionStatus: 'trialing', tenantStatus: 'TRIAL' }), side({ status: 'trialing' }), NOW, 7);
    expect(again.changes).toEqual([]);
  });

  it('past_due gives a grace period once; a later past_due view keeps the first dates', () => {
    const first = nextBilling(held(), side({ status: 'past_due' }), NOW, 7);
    expect(first).toMatchObject({ billingStatus: 'PAST_DUE', pastDueSince: NOW, graceEndsAt: new Date(NOW.getTime() + 7 * DAY) });
    expect(first.changes).toEqual([{ kind: 'past_due', graceEndsAt: new Date(NOW.getTime() + 7 * DAY) }]);
    const later = new Date(NOW.getTime() + DAY);
    const second = nextBilling(held({ subscriptionStatus: 'past_due', billingStatus: 'PAST_DUE', pastDueSince: NOW, graceEndsAt: first.graceEndsAt }), side({ status: 'past_due' }), later, 7);
    expect(second).toMatchObject({ billingStatus: 'PAST_DUE', pastDueSince: NOW, changes: [] });
  });

  it('active restores a PAST_DUE or RESTRICTED store; an UNPAID (platform) store keeps its status', () => {
    const restricted = held({ subscriptionStatus: 'past_due', billingStatus: 'RESTRICTED', pastDueSince: NOW, graceEndsAt: NOW, restrictedAt: NOW });
    expect(nextBilling(restricted, side(), NOW, 7)).toMatchObject({ billingStatus: 'CURRENT', restrictedAt: null, changes: [{ kind: 'restored' }] });
    expect(nextBilling(held({ billingStatus: 'UNPAID' }), side(), NOW, 7)).toMatchObject({ billingStatus: 'UNPAID', changes: [] });
  });

  it('ended returns the store to Free once; an ended view of a subscription that never gave the plan changes nothing', () => {
    expect(nextBilling(held({ planCode: 'pro' }), side({ status: 'canceled' }), NOW, 7)).toMatchObject({ planCode: 'free', changes: [{ kind: 'ended', from: 'pro' }] });
    expect(nextBilling(held({ planCode: 'free', subscriptionStatus: 'canceled' }), side({ status: 'canceled' }), NOW, 7).changes).toEqual([]);
    expect(nextBilling(held({ planCode: 'e2e-custom', subscriptionStatus: 'incomplete' }), side({ status: 'incomplete_expired' }), NOW, 7)).toMatchObject({ planCode: 'e2e-custom', changes: [] });
  });

  it('a stale active view after the store already moved on applies the same current plan (no flapping)', () => {
    expect(nextBilling(held({ planCode: 'pro' }), side({ planCode: 'pro' }), NOW, 7).changes).toEqual([]);
    expect(nextBilling(held({ planCode: 'basic' }), side({ planCode: 'pro' }), NOW, 7).changes).toEqual([{ kind: 'plan_changed', from: 'basic', to: 'pro' }]);
  });

  it('cancel at period end and its undo are changes; a SUSPENDED store keeps its status', () => {
    expect(nextBilling(held(), side({ cancelAtPeriodEnd: true }), NOW, 7).changes).toEqual([{ kind: 'cancel_scheduled', endsAt: new Date(NOW.getTime() + 30 * DAY) }]);
    expect(nextBilling(held({ cancelAtPeriodEnd: true }), side(), NOW, 7).changes).toEqual([{ kind: 'cancel_undone' }]);
    expect(nextBilling(held({ tenantStatus: 'SUSPENDED' }), side({ status: 'trialing' }), NOW, 7).tenantStatus).toBe('SUSPENDED');
  });
});
