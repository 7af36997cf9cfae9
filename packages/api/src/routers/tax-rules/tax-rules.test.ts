import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness, type Caller } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let owner: SessionUser;
let store: { id: string };
let admin: () => Caller;

beforeAll(async () => {
  h = await createApiHarness('tax_rules');
  owner = await h.createUser('tax-owner');
  store = await h.createStore(owner, 'tax-shop');
  admin = () => h.caller(owner, { tenantId: store.id });
});
afterAll(() => h?.close());

describe('taxRules', () => {
  it('creates, lists (country rule before its regions), changes and deletes rules, each audited', async () => {
    const ca = await admin().taxRules.upsert({ name: 'CA sales tax', country: 'us', region: 'ca', rateBasisPoints: 725, appliesToShipping: true });
    const us = await admin().taxRules.upsert({ name: 'US', country: 'US', region: '', rateBasisPoints: 500 });
    expect(ca).toMatchObject({ country: 'US', region: 'CA', rateBasisPoints: 725, appliesToShipping: true });
    expect(us.region).toBeNull();
    expect((await admin().taxRules.list()).map((r) => r.region)).toEqual([null, 'CA']);

    const changed = await admin().taxRules.upsert({ id: ca.id, name: 'CA', country: 'US', region: 'CA', rateBasisPoints: 750 });
    expect(changed).toMatchObject({ id: ca.id, rateBasisPoints: 750, appliesToShipping: false });
    await admin().taxRules.delete({ id: us.id });
    expect((await admin().taxRules.list()).map((r) => r.id)).toEqual([ca.id]);
    expect((await h.auditRows(store.id)).filter((a) => a.action.startsWith('tax_rule.')).map((a) => a.action)).toEqual([
      'tax_rule.saved',
      'tax_rule.saved',
      'tax_rule.saved',
      'tax_rule.deleted',
    ]);
  });

  it('keeps one rule per country and region, the whole country counting as one', async () => {
    await admin().taxRules.upsert({ name: 'VAT', country: 'PT', rateBasisPoints: 2_300 });
    await expectTRPCError(admin().taxRules.upsert({ name: 'VAT again', country: 'PT', rateBasisPoints: 600 }), 'CONFLICT', /PT \(whole country\) already/);
    await admin().taxRules.upsert({ name: 'Madeira', country: 'PT', region: 'MA', rateBasisPoints: 2_200 });
    await expectTRPCError(admin().taxRules.upsert({ name: 'Madeira 2', country: 'PT', region: 'ma', rateBasisPoints: 1 }), 'CONFLICT', /PT-MA already/);
  });

  it.each([
    ['a rate above 100 %', { rateBasisPoints: 10_001 }, /above 100%/],
    ['a negative rate', { rateBasisPoints: -1 }, /cannot be negative/],
    ['a country name instead of a code', { country: 'Brazil' }, /two-letter country code/],
    ['an empty name', { name: ' ' }, /Name the tax/],
  ])('refuses %s with a sentence', async (_name, over, message) => {
    await expectTRPCError(admin().taxRules.upsert({ name: 'Tax', country: 'BR', rateBasisPoints: 100, ...over }), 'BAD_REQUEST', message);
  });

  it('answers an unknown rule NOT_FOUND', async () => {
    await expectTRPCError(admin().taxRules.delete({ id: 'nope' }), 'NOT_FOUND', /does not exist in this store/);
    await expectTRPCError(admin().taxRules.upsert({ id: 'nope', name: 'X', country: 'BR', rateBasisPoints: 1 }), 'NOT_FOUND');
  });
});
