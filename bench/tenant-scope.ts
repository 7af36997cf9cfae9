// What tenant scoping costs: the same reads through `db.forTenant(id)` (vitrine_app, RLS, a transaction
// that sets app.tenant_id) and through an unscoped owner client, in one run, on a fresh database.
//
//   pnpm --filter @vitrine/bench tenant-scope        (N and WARMUP can be set in the environment)
import os from 'node:os';
import { percentile } from './stats.ts';
import { createDatabase, createPrismaClient, type PrismaClient, type TenantDb } from '@vitrine/db';
import { createTestDatabase, testKeyRing } from '@vitrine/db/testing';

const N = Number(process.env.N ?? 3000);
const WARMUP = Number(process.env.WARMUP ?? 300);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const PRODUCTS = 1000;
const OTHER_TENANT_PRODUCTS = 300;

/** Inserts a tenant with `count` products of 1–3 variants each (about 90% ACTIVE); returns their ids. */
async function fillTenant(owner: PrismaClient, slug: string, count: number): Promise<{ tenantId: string; productIds: string[] }> {
  const tenant = await owner.tenant.create({ data: { slug, name: `Bench ${slug}`, status: 'ACTIVE', currency: 'USD' } });
  const tenantId = tenant.id;
  const start = Date.now() - count * 60_000;
  const products = Array.from({ length: count }, (_, i) => ({
    tenantId,
    title: `Product ${i}`,
    slug: `product-${i}`,
    description: `Bench product number ${i}.`,
    status: i % 10 === 0 ? ('DRAFT' as const) : ('ACTIVE' as const),
    createdAt: new Date(start + i * 60_000),
  }));
  const created = await owner.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
    const rows = await tx.product.createManyAndReturn({ data: products, select: { id: true } });
    await tx.productVariant.createMany({
      data: rows.flatMap((row, i) =>
        Array.from({ length: (i % 3) + 1 }, (_, v) => ({
          tenantId,
          productId: row.id,
          sku: `${slug}-${i}-${v}`,
          title: ['S', 'M', 'L'][v]!,
          attributes: { size: ['S', 'M', 'L'][v]! },
          priceAmount: 1000 + i,
          currency: 'USD',
          stock: i % 7,
          position: v,
        })),
      ),
    });
    return rows;
  }, { timeout: 60_000 });
  return { tenantId, productIds: created.map((r) => r.id) };
}

interface Stats {
  mean: number;
  p99: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  return { mean, p99: percentile(sorted, 0.99) };
}

/** Runs scoped and unscoped alternately (order flipped every iteration) so drift in the machine hits both alike. */
async function compare(
  iterations: number,
  scoped: (i: number) => Promise<unknown>,
  unscoped: (i: number) => Promise<unknown>,
): Promise<{ scoped: Stats; unscoped: Stats }> {
  const a: number[] = [];
  const b: number[] = [];
  const time = async (fn: () => Promise<unknown>, into: number[]) => {
    const t0 = process.hrtime.bigint();
    await fn();
    into.push(Number(process.hrtime.bigint() - t0) / 1e6);
  };
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      await time(() => scoped(i), a);
      await time(() => unscoped(i), b);
    } else {
      await time(() => unscoped(i), b);
      await time(() => scoped(i), a);
    }
  }
  return { scoped: stats(a), unscoped: stats(b) };
}

interface ConcurrentStats extends Stats {
  /** Completed operations per second over the whole phase. */
  throughput: number;
}

/** `iterations` operations of one path, `concurrency` at a time; per-operation latency and throughput. */
async function concurrently(iterations: number, concurrency: number, fn: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < iterations) {
        const i = next++;
        const s = process.hrtime.bigint();
        await fn(i);
        samples.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
    }),
  );
  return { samples, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

/** Both paths under concurrency, in alternating rounds so drift in the machine hits both alike. */
async function compareConcurrent(
  iterations: number,
  concurrency: number,
  scoped: (i: number) => Promise<unknown>,
  unscoped: (i: number) => Promise<unknown>,
  rounds = 6,
): Promise<{ scoped: ConcurrentStats; unscoped: ConcurrentStats }> {
  const acc = { scoped: { samples: [] as number[], seconds: 0 }, unscoped: { samples: [] as number[], seconds: 0 } };
  const perRound = Math.max(concurrency, Math.ceil(iterations / rounds));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? (['scoped', 'unscoped'] as const) : (['unscoped', 'scoped'] as const);
    for (const path of order) {
      const run = await concurrently(perRound, concurrency, path === 'scoped' ? scoped : unscoped);
      acc[path].samples.push(...run.samples);
      acc[path].seconds += run.seconds;
    }
  }
  const summarise = (a: { samples: number[]; seconds: number }) => ({ ...stats(a.samples), throughput: a.samples.length / a.seconds });
  return { scoped: summarise(acc.scoped), unscoped: summarise(acc.unscoped) };
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

const test = await createTestDatabase('bench_tenant_scope');
const owner = createPrismaClient(test.ownerUrl, { maxConnections: CONCURRENCY });
const db = createDatabase({ appDatabaseUrl: test.appUrl, keyRing: testKeyRing(), maxConnections: CONCURRENCY });
try {
  const subject = await fillTenant(owner, 'subject', PRODUCTS);
  await fillTenant(owner, 'neighbour', OTHER_TENANT_PRODUCTS);
  await owner.$executeRawUnsafe('ANALYZE');
  const tdb: TenantDb = await db.forTenant(subject.tenantId);
  const ids = subject.productIds;
  const idAt = (i: number) => ids[(i * 7919) % ids.length]!;

  const point = {
    scoped: (i: number) => tdb.product.findFirst({ where: { id: idAt(i) } }),
    unscoped: (i: number) => owner.product.findFirst({ where: { id: idAt(i) } }),
  };
  const pageQuery = {
    where: { status: 'ACTIVE' as const },
    include: { variants: true },
    orderBy: { createdAt: 'desc' as const },
    take: 20,
  };
  const page = {
    scoped: () => tdb.product.findMany(pageQuery),
    // Without RLS the query must name the tenant itself to return the same rows.
    unscoped: () => owner.product.findMany({ ...pageQuery, where: { ...pageQuery.where, tenantId: subject.tenantId } }),
  };

  // The two paths must answer the same before their speed means anything.
  const [sp, up] = await Promise.all([page.scoped(), page.unscoped()]);
  if (JSON.stringify(sp) !== JSON.stringify(up) || sp.length !== 20) throw new Error('scoped and unscoped page reads disagree');
  if ((await point.scoped(1))?.id !== idAt(1)) throw new Error('the scoped point read did not find its product');

  await compare(WARMUP, point.scoped, point.unscoped);
  await compare(WARMUP, page.scoped, page.unscoped);
  await compareConcurrent(WARMUP, CONCURRENCY, point.scoped, point.unscoped, 2);
  await compareConcurrent(WARMUP, CONCURRENCY, page.scoped, page.unscoped, 2);
  const sequential = {
    'point read  findFirst({ where: { id } })': await compare(N, point.scoped, point.unscoped),
    'page read   20 ACTIVE products + variants, createdAt desc': await compare(N, page.scoped, page.unscoped),
  };
  const parallel = {
    'point read  findFirst({ where: { id } })': await compareConcurrent(N, CONCURRENCY, point.scoped, point.unscoped),
    'page read   20 ACTIVE products + variants, createdAt desc': await compareConcurrent(N, CONCURRENCY, page.scoped, page.unscoped),
  };

  console.log(`tenant-scope bench: ${PRODUCTS} products (1–3 variants each) for the tenant read, ${OTHER_TENANT_PRODUCTS} for a neighbour`);
  console.log(`N=${N} operations per path and mode after ${WARMUP} warm-up, Node ${process.version}, local PostgreSQL, ${os.cpus().length} CPUs`);
  console.log('scoped   = db.forTenant(id): vitrine_app role, FORCE RLS, transaction setting app.tenant_id');
  console.log('baseline = unscoped owner client (superuser, no RLS, no transaction), same query (+ tenantId for the page)');
  console.log(`pools: ${CONCURRENCY} connections each`);
  console.log('');
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log('sequential (one operation at a time)');
  for (const [name, r] of Object.entries(sequential)) {
    console.log(`  ${name}`);
    console.log(`    scoped     mean ${fmt(r.scoped.mean)}   p99 ${fmt(r.scoped.p99)}`);
    console.log(`    baseline   mean ${fmt(r.unscoped.mean)}   p99 ${fmt(r.unscoped.p99)}`);
    console.log(`    ratio scoped/baseline   mean ${ratio(r.scoped.mean, r.unscoped.mean)}   p99 ${ratio(r.scoped.p99, r.unscoped.p99)}`);
  }
  console.log('');
  console.log(`concurrency ${CONCURRENCY}`);
  for (const [name, r] of Object.entries(parallel)) {
    const ops = (x: number) => `${x.toFixed(0)} ops/s`;
    console.log(`  ${name}`);
    console.log(`    scoped     mean ${fmt(r.scoped.mean)}   p99 ${fmt(r.scoped.p99)}   ${ops(r.scoped.throughput)}`);
    console.log(`    baseline   mean ${fmt(r.unscoped.mean)}   p99 ${fmt(r.unscoped.p99)}   ${ops(r.unscoped.throughput)}`);
    console.log(
      `    ratio scoped/baseline   mean ${ratio(r.scoped.mean, r.unscoped.mean)}   p99 ${ratio(r.scoped.p99, r.unscoped.p99)}` +
        `   throughput baseline/scoped ${ratio(r.unscoped.throughput, r.scoped.throughput)}`,
    );
  }
} finally {
  await db.disconnect();
  await owner.$disconnect();
  await test.drop();
}
