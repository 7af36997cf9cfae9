// The desktop app's local store (apps/desktop/src/main/store): 50,000 orders (2–3 items each) loaded through
// applyChanges in pages of 500, as the change feed delivers them, into an in-memory PGlite (DATA_DIR=<dir> to
// use a directory on disk); then p50/p99 of the seller's order list queries, RUNS runs each, against the
// issue's target of 50 ms per query.
//
//   pnpm --filter @vitrine/bench desktop-store        (ORDERS, PAGE, RUNS, LIMIT and DATA_DIR can be set)
import { openLocalStore, type ListOrdersInput, type Order } from '@vitrine/desktop/store';
import { percentile } from './stats.ts';

const ORDERS = Number(process.env.ORDERS ?? 50_000);
const PAGE = Number(process.env.PAGE ?? 500);
const RUNS = Number(process.env.RUNS ?? 100);
const LIMIT = Number(process.env.LIMIT ?? 50);
const TARGET_MS = 50;

// Deterministic data (mulberry32), so every run measures the same store.
let seed = 42;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const NOUNS = ['Camiseta', 'Caneca', 'Mochila', 'Tênis', 'Fone', 'Capinha', 'Relógio', 'Garrafa', 'Luminária', 'Câmera', 'Teclado', 'Mouse', 'Carregador', 'Bolsa', 'Óculos', 'Jaqueta', 'Panela', 'Toalha', 'Lençol', 'Cadeira'];
const ADJECTIVES = ['Básica', 'Premium', 'Térmica', 'Esportiva', 'Infantil', 'Sem Fio', 'Dobrável', 'Impermeável', 'Algodão', 'Cerâmica', 'Inox', 'Couro'];
const COLORS = ['Preto', 'Branco', 'Azul', 'Vermelho', 'Verde', 'Rosa', 'Cinza', 'Amarelo'];
const CATALOG = Array.from({ length: 400 }, (_, n) => ({ mlItemId: `MLB${3000000000 + n}`, title: `${pick(NOUNS)} ${pick(ADJECTIVES)} ${pick(COLORS)} ${n}` }));
const STATUSES = [...Array<string>(8).fill('paid'), 'cancelled', 'confirmed'];
const BUYERS = 8_000;
const START = Date.UTC(2025, 0, 1);
const YEAR_MS = 365 * 24 * 3600 * 1000;
const SYNCED = new Date();

function makeOrder(n: number): Order {
  const id = `ord_${String(n).padStart(6, '0')}`;
  const buyer = Math.floor(random() * BUYERS);
  const date = new Date(START + Math.floor(random() * YEAR_MS));
  const lines = 2 + Math.floor(random() * 2);
  const items = Array.from({ length: lines }, (_, i) => {
    const product = pick(CATALOG);
    return { id: `${id}_${i}`, mlItemId: product.mlItemId, title: product.title, variationId: null, sellerSku: `SKU-${product.mlItemId}`, quantity: 1 + Math.floor(random() * 3), unitPriceMinor: String(1990 + Math.floor(random() * 20000)), currency: 'BRL' };
  });
  return {
    id, accountId: n % 5 === 0 ? 'acc_b' : 'acc_a', mlOrderId: String(2000010000000000 + n), status: pick(STATUSES), packId: null,
    shipmentId: String(40000000000 + n), buyerId: String(100000 + buyer), buyerNickname: `COMPRADOR${buyer}`, totalMinor: '0', paidMinor: '0', currency: 'BRL',
    tags: ['paid'], dateCreated: date, dateClosed: date, mlUpdatedAt: date, syncedAt: SYNCED, items,
  };
}

const store = await openLocalStore(process.env.DATA_DIR ? { dataDir: process.env.DATA_DIR } : {});
try {
  const orders = Array.from({ length: ORDERS }, (_, n) => makeOrder(n));
  const loadStart = performance.now();
  for (let offset = 0; offset < orders.length; offset += PAGE) {
    await store.applyChanges('orders', orders.slice(offset, offset + PAGE), `cursor-${offset}`);
  }
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const lines = orders.reduce((sum, o) => sum + o.items.length, 0);
  console.log(`loaded ${ORDERS} orders (${lines} items) in pages of ${PAGE}: ${loadSeconds.toFixed(1)} s (${(ORDERS / loadSeconds).toFixed(0)} orders/s)`);

  const sample = orders[12_345 % ORDERS]!;
  const word = 'térmica';
  const cases: { name: string; input: ListOrdersInput }[] = [
    { name: 'first page', input: { limit: LIMIT } },
    { name: 'status + date range', input: { limit: LIMIT, status: 'cancelled', from: new Date(Date.UTC(2025, 3, 1)), to: new Date(Date.UTC(2025, 6, 1)) } },
    { name: 'search: buyer nickname', input: { limit: LIMIT, q: sample.buyerNickname!.toLowerCase() } },
    { name: 'search: order number', input: { limit: LIMIT, q: sample.mlOrderId } },
    { name: `search: item word (${word})`, input: { limit: LIMIT, q: word } },
    { name: 'second page (keyset)', input: { limit: LIMIT, before: (await store.listOrders({ limit: LIMIT })).next ?? undefined } },
  ];

  const missed: string[] = [];
  console.log(`\n${RUNS} runs each, after 5 warm-up runs; target < ${TARGET_MS} ms (p99)`);
  for (const { name, input } of cases) {
    let found = 0;
    for (let i = 0; i < 5; i++) found = (await store.listOrders(input)).orders.length;
    if (found === 0) throw new Error(`${name}: no orders found`);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await store.listOrders(input);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const p99 = percentile(times, 0.99);
    if (p99 >= TARGET_MS) missed.push(name);
    console.log(`  ${name.padEnd(34)} ${String(found).padStart(3)} rows   p50 ${percentile(times, 0.5).toFixed(1).padStart(6)} ms   p99 ${p99.toFixed(1).padStart(6)} ms`);
  }
  console.log(`\ntarget p99 < ${TARGET_MS} ms: ${missed.length ? `MISSED (${missed.join(', ')})` : 'met'}`);
} finally {
  await store.close();
}
