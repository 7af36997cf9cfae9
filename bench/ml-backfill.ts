// Mercado Livre backfill throughput: a sandbox seller's orders read page by page as fast as the sandbox
// pages them (the baseline: the client alone, nothing stored), then a real ORDERS backfill run (the same
// pages, upserted into Postgres under RLS, cursor committed per page), in one run, on a fresh database.
//
//   pnpm --filter @vitrine/bench ml-backfill        (ORDERS and ROUNDS can be set in the environment)
import os from 'node:os';
import { ORDER_STATUSES } from '@vitrine/mercadolivre';
import { createOrJoinSyncRun } from '@vitrine/mercadolivre/store';
import { runSync } from '@vitrine/mercadolivre/sync';
import { createMlFixture } from '@vitrine/mercadolivre/testing';

const ORDERS = Number(process.env.ORDERS ?? 10_000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

const f = await createMlFixture('bench_backfill', { config: { ratePerApp: 100_000, ratePerSeller: 100_000 } });
try {
  const sellerId = f.sandbox.generateSeller({ nickname: 'BENCH_SELLER', items: 200, orders: ORDERS, questions: 10, seed: 7 }).id;
  const expected = f.sandbox.counts(sellerId).orders;

  /** Baseline: every page through the same client (rate budget, retries, zod), nothing stored. */
  async function pageOnly(tenantId: string) {
    const { accountId, tdb } = await f.connect(tenantId, sellerId);
    const account = await tdb.mlAccount.findUniqueOrThrow({ where: { id: accountId } });
    const client = f.services.clientFor(tdb, account);
    let offset = 0;
    let read = 0;
    const start = performance.now();
    for (;;) {
      const page = await client.searchOrders({ status: ORDER_STATUSES, sort: 'date_asc', offset, limit: 50 });
      read += page.results.length;
      offset += page.results.length;
      if (page.results.length === 0 || offset >= page.paging.total) break;
    }
    return { read, seconds: (performance.now() - start) / 1000 };
  }

  async function backfill(tenantId: string) {
    const { accountId, tdb } = await f.connect(tenantId, sellerId);
    const { run } = await createOrJoinSyncRun(tdb, { tenantId, accountId, resource: 'ORDERS', kind: 'BACKFILL' });
    const start = performance.now();
    const result = await runSync({ tenantDb: tdb, runId: run.id, clientFor: (a) => f.services.clientFor(tdb, a), lastAttempt: false });
    const seconds = (performance.now() - start) / 1000;
    const stored = await tdb.mlOrder.count();
    if (result.outcome !== 'succeeded' || stored !== expected) throw new Error(`backfill ended with ${stored} of ${expected} orders (${JSON.stringify(result)})`);
    return { read: stored, seconds };
  }

  // Alternating rounds; each round backfills into a fresh tenant (so every run inserts every order).
  const base: number[] = [];
  const sync: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Routes are unique per ML user: each round's accounts are disconnected from the route table after use.
    const a = await f.createTenant(`bench-base-${round}`);
    const p = await pageOnly(a);
    await f.db.platform.mlAccountRoute.deleteMany({ where: { mlUserId: BigInt(sellerId) } });
    const b = await f.createTenant(`bench-sync-${round}`);
    const s = await backfill(b);
    await f.db.platform.mlAccountRoute.deleteMany({ where: { mlUserId: BigInt(sellerId) } });
    base.push(p.read / p.seconds);
    sync.push(s.read / s.seconds);
    console.log(`round ${round + 1}: paging ${Math.round(p.read / p.seconds)} orders/s, backfill ${Math.round(s.read / s.seconds)} orders/s (${s.read} orders in ${s.seconds.toFixed(2)} s)`);
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  const paging = median(base);
  const stored = median(sync);
  console.log(`\nml-backfill on ${os.cpus().length} cores, ${expected} orders per run, ${ROUNDS} rounds (medians):`);
  console.log(`  sandbox paging only   ${Math.round(paging)} orders/s`);
  console.log(`  backfill (stored)     ${Math.round(stored)} orders/s   (aim: at least 1,000)`);
  console.log(`  backfill / paging     ${(stored / paging).toFixed(2)}`);
} finally {
  await f.close();
}
