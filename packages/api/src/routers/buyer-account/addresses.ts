import type { BuyerAddress, ScopedTransaction } from '@vitrine/db';
import { badRequest, notFound } from '../../errors.ts';
import type { AddressFields } from './inputs.ts';
import type { BuyerContext } from './session.ts';

/** How many addresses one account may keep. */
export const MAX_ADDRESSES = 20;

const NOT_FOUND = 'This address does not exist. It may have been removed.';

export function addressView(a: BuyerAddress) {
  return {
    id: a.id,
    name: a.name,
    line1: a.line1,
    line2: a.line2,
    city: a.city,
    region: a.region,
    postalCode: a.postalCode,
    country: a.country,
    phone: a.phone,
    isDefault: a.isDefault,
  };
}

const columnsOf = (f: AddressFields) => ({
  name: f.name,
  line1: f.line1,
  line2: f.line2 || null,
  city: f.city,
  region: f.region || null,
  postalCode: f.postalCode,
  country: f.country,
  phone: f.phone ?? null,
});

/** The buyer's addresses, the default first. */
export async function listAddresses(ctx: BuyerContext) {
  const rows = await ctx.tdb.buyerAddress.findMany({
    where: { accountId: ctx.buyer.account.id },
    orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }],
  });
  return rows.map(addressView);
}

/** One of the buyer's own addresses, locked for the change (another account's id is simply not found). */
async function ownAddress(tx: ScopedTransaction, accountId: string, addressId: string): Promise<BuyerAddress> {
  const row = await tx.buyerAddress.findFirst({ where: { id: addressId, accountId } });
  if (!row) throw notFound(NOT_FOUND);
  return row;
}

/** Makes `addressId` the only default of the account (the partial unique index holds it). */
async function makeDefault(tx: ScopedTransaction, accountId: string, addressId: string) {
  await tx.buyerAddress.updateMany({ where: { accountId, isDefault: true, id: { not: addressId } }, data: { isDefault: false } });
  await tx.buyerAddress.update({ where: { id: addressId }, data: { isDefault: true } });
}

/** A new address; the first one (or one marked so) becomes the default. */
export async function createAddress(ctx: BuyerContext, fields: AddressFields) {
  const accountId = ctx.buyer.account.id;
  return ctx.tdb.$scoped(async (tx) => {
    // Serializes this account's address changes, so the limit and the single default hold under concurrency.
    await tx.buyerAccount.update({ where: { id: accountId }, data: { updatedAt: new Date() } });
    const count = await tx.buyerAddress.count({ where: { accountId } });
    if (count >= MAX_ADDRESSES) {
      throw badRequest(`You can keep up to ${MAX_ADDRESSES} addresses. Remove one first.`);
    }
    const row = await tx.buyerAddress.create({ data: { tenantId: ctx.tenant.id, accountId, ...columnsOf(fields), isDefault: false } });
    if (fields.isDefault || count === 0) await makeDefault(tx, accountId, row.id);
    return addressView({ ...row, isDefault: fields.isDefault || count === 0 });
  });
}

export async function updateAddress(ctx: BuyerContext, addressId: string, fields: AddressFields) {
  const accountId = ctx.buyer.account.id;
  return ctx.tdb.$scoped(async (tx) => {
    await tx.buyerAccount.update({ where: { id: accountId }, data: { updatedAt: new Date() } });
    const existing = await ownAddress(tx, accountId, addressId);
    const row = await tx.buyerAddress.update({ where: { id: existing.id }, data: columnsOf(fields) });
    if (fields.isDefault && !existing.isDefault) await makeDefault(tx, accountId, row.id);
    return addressView({ ...row, isDefault: existing.isDefault || Boolean(fields.isDefault) });
  });
}

export async function setDefaultAddress(ctx: BuyerContext, addressId: string) {
  const accountId = ctx.buyer.account.id;
  return ctx.tdb.$scoped(async (tx) => {
    await tx.buyerAccount.update({ where: { id: accountId }, data: { updatedAt: new Date() } });
    await ownAddress(tx, accountId, addressId);
    await makeDefault(tx, accountId, addressId);
    return { id: addressId, isDefault: true };
  });
}

/** Removes an address; when it was the default, the oldest remaining one becomes the default. */
export async function removeAddress(ctx: BuyerContext, addressId: string) {
  const accountId = ctx.buyer.account.id;
  return ctx.tdb.$scoped(async (tx) => {
    await tx.buyerAccount.update({ where: { id: accountId }, data: { updatedAt: new Date() } });
    const existing = await ownAddress(tx, accountId, addressId);
    await tx.buyerAddress.delete({ where: { id: existing.id } });
    if (existing.isDefault) {
      const next = await tx.buyerAddress.findFirst({ where: { accountId }, orderBy: { createdAt: 'asc' } });
      if (next) await makeDefault(tx, accountId, next.id);
    }
    return { removed: true };
  });
}
