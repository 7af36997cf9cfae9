import { z } from 'zod';
import { Prisma } from '@vitrine/db';
import { badRequest, forbidden } from '../../errors.ts';
import { can } from '../../permissions.ts';
import type { TenantContext } from '../../trpc.ts';
import type { ChangeResource, ChangesInput } from './inputs.ts';

/**
 * The desktop app's change feed: every row of one resource in the order it last changed, (change time, id)
 * ascending, paged by an opaque cursor that holds the last row's position. The change time is synced_at for
 * the synced tables (the upserts set it to now() on every change) and updated_at for accounts and answers
 * (a trigger sets it to now() on every write). A row changed again after a client passed it comes back later.
 *
 * Late commits. now() is the writing transaction's start, so a transaction that commits after a reader passed
 * its timestamp would be skipped. The cursor therefore never moves past the settling horizon, the database's
 * now() − SETTLE_MS: rows newer than that are still returned (a caught-up app sees changes at once), but
 * the next call starts before them and returns them again, with anything committed meanwhile behind them.
 * A client applies changes as upserts, so a repeat is harmless; only a write transaction lasting longer
 * than SETTLE_MS could still be missed (the sync's upserts are per page and take milliseconds).
 * `hasMore` says "call again now": a full page whose rows have all settled.
 */
export const SETTLE_MS = 2_000;

const SUPPORT_RESOURCES: readonly ChangeResource[] = ['questions', 'answers'];

interface Position {
  at: Date;
  id: string;
}

const cursorSchema = z.object({ r: z.string(), t: z.iso.datetime(), i: z.string().min(1).max(64) });
const BAD_CURSOR = 'This sync position is not valid. Start the sync again from the beginning (no cursor).';

export function encodeChangeCursor(resource: ChangeResource, position: Position): string {
  return Buffer.from(JSON.stringify({ r: resource, t: position.at.toISOString(), i: position.id })).toString('base64url');
}

export function decodeChangeCursor(resource: ChangeResource, cursor: string | undefined): Position | null {
  if (!cursor) return null;
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw badRequest(BAD_CURSOR);
  }
  if (parsed.r !== resource) throw badRequest(`This sync position belongs to ${parsed.r}, not ${resource}.`);
  return { at: new Date(parsed.t), id: parsed.i };
}

/** Rows strictly after the position in (column, id) order: `column >= t` bounds the index range. */
function after<C extends string>(column: C, position: Position | null) {
  if (!position) return {};
  return {
    [column]: { gte: position.at },
    OR: [{ [column]: { gt: position.at } }, { id: { gt: position.id } }],
  } as Record<C, { gte: Date }> & { OR: ({ [K in C]: { gt: Date } } | { id: { gt: string } })[] };
}

const asc = <C extends string>(column: C) => [{ [column]: 'asc' } as Record<C, 'asc'>, { id: 'asc' as const }];

/** BigInt columns as decimal strings (JSON has no 64-bit integers); everything else as is. */
type Wire<T> = { [K in keyof T]: T[K] extends bigint ? string : T[K] extends bigint | null ? string | null : T[K] };
function wire<T extends object>(row: T): Wire<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = typeof value === 'bigint' ? value.toString() : value;
  return out as Wire<T>;
}

// The columns each feed carries (raw ML bodies stay on the server; tenant ids are implied).
const orderItemSelect = { id: true, mlItemId: true, title: true, variationId: true, sellerSku: true, quantity: true, unitPriceMinor: true, currency: true } as const;
const select = {
  accounts: { id: true, mlUserId: true, nickname: true, siteId: true, status: true, statusReason: true, lastSyncedAt: true, createdAt: true, updatedAt: true },
  orders: {
    id: true, accountId: true, mlOrderId: true, status: true, packId: true, shipmentId: true, buyerId: true, buyerNickname: true, totalMinor: true,
    paidMinor: true, currency: true, tags: true, dateCreated: true, dateClosed: true, mlUpdatedAt: true, syncedAt: true,
    items: { select: orderItemSelect, orderBy: { id: 'asc' } },
  },
  shipments: {
    id: true, accountId: true, mlShipmentId: true, mlOrderId: true, status: true, substatus: true, mode: true, logisticType: true, trackingNumber: true,
    mlUpdatedAt: true, syncedAt: true,
  },
  questions: {
    id: true, accountId: true, mlQuestionId: true, mlItemId: true, buyerId: true, text: true, status: true, dateCreated: true, answerText: true,
    answerStatus: true, answeredAt: true, mlUpdatedAt: true, syncedAt: true,
  },
  messages: { id: true, accountId: true, mlMessageId: true, packId: true, fromUserId: true, toUserId: true, text: true, status: true, sentAt: true, readAt: true, syncedAt: true },
  answers: {
    id: true, accountId: true, mlQuestionId: true, text: true, idempotencyKey: true, status: true, refusalReason: true, createdByUserId: true, createdAt: true,
    sentAt: true, updatedAt: true,
  },
} as const satisfies Record<ChangeResource, object>;

type Tx = Parameters<Parameters<TenantContext['tdb']['$scoped']>[0]>[0];

/** `take` rows after `position`, each with its change time as `at`. */
async function readRows(tx: Tx, resource: ChangeResource, position: Position | null, take: number) {
  switch (resource) {
    case 'accounts': {
      const rows = await tx.mlAccount.findMany({ where: after('updatedAt', position), orderBy: asc('updatedAt'), take, select: select.accounts });
      return rows.map((row) => ({ at: row.updatedAt, id: row.id, item: wire(row) }));
    }
    case 'orders': {
      const rows = await tx.mlOrder.findMany({ where: after('syncedAt', position), orderBy: asc('syncedAt'), take, select: select.orders });
      return rows.map((row) => ({ at: row.syncedAt, id: row.id, item: { ...wire(row), items: row.items.map(wire) } }));
    }
    case 'shipments': {
      const rows = await tx.mlShipment.findMany({ where: after('syncedAt', position), orderBy: asc('syncedAt'), take, select: select.shipments });
      return rows.map((row) => ({ at: row.syncedAt, id: row.id, item: wire(row) }));
    }
    case 'questions': {
      const rows = await tx.mlQuestion.findMany({ where: after('syncedAt', position), orderBy: asc('syncedAt'), take, select: select.questions });
      return rows.map((row) => ({ at: row.syncedAt, id: row.id, item: wire(row) }));
    }
    case 'messages': {
      const rows = await tx.mlMessage.findMany({ where: after('syncedAt', position), orderBy: asc('syncedAt'), take, select: select.messages });
      return rows.map((row) => ({ at: row.syncedAt, id: row.id, item: wire(row) }));
    }
    case 'answers': {
      const rows = await tx.mlAnswer.findMany({ where: after('updatedAt', position), orderBy: asc('updatedAt'), take, select: select.answers });
      return rows.map((row) => ({ at: row.updatedAt, id: row.id, item: wire(row) }));
    }
  }
}

export async function listChanges(ctx: TenantContext, input: ChangesInput) {
  if (SUPPORT_RESOURCES.includes(input.resource) && !can(ctx.membership, 'support:read')) {
    throw forbidden(`Your role in this store does not allow this (support:read).`);
  }
  const position = decodeChangeCursor(input.resource, input.cursor);
  return ctx.tdb.$scoped(async (tx) => {
    // The database's clock, as the writers' now(); read before the rows, so the horizon errs early.
    const [{ now }] = await tx.$queryRaw<[{ now: Date }]>(Prisma.sql`SELECT now() AS now`);
    const horizon = now.getTime() - SETTLE_MS;
    const rows = await readRows(tx, input.resource, position, input.limit + 1);
    const page = rows.slice(0, input.limit);
    let settled = 0;
    while (settled < page.length && page[settled]!.at.getTime() <= horizon) settled += 1;
    const last = settled > 0 ? page[settled - 1]! : null;
    return {
      items: page.map((row) => row.item),
      nextCursor: last ? encodeChangeCursor(input.resource, last) : (input.cursor ?? null),
      hasMore: rows.length > input.limit && settled === page.length,
    };
  });
}
