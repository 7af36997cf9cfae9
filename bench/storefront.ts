// Cached store pages under load: a product page of one of 20,000 seeded stores, asked by Host through the web
// app's production server (apps/web/server.ts: Next.js behind the store-page cache), against a bare node:http
// server answering the same bytes, in the same run. Prints requests per second, p99 and the ratio.
//
//   pnpm --filter @vitrine/web build && pnpm --filter @vitrine/bench storefront
//   (TENANTS, CONNECTIONS, DURATION seconds can be set)
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { createTestDatabase } from '@vitrine/db/testing';

const TENANTS = Number(process.env.TENANTS ?? 20_000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100);
const DURATION = Number(process.env.DURATION ?? 10);
const PORT = Number(process.env.PORT ?? 3917);
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;
const WEB_DIR = resolve(import.meta.dirname, '../apps/web');

async function seed(ownerUrl: string) {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const started = Date.now();
  await owner.query('BEGIN');
  await owner.query(
    `INSERT INTO tenants (id, slug, name, status, locale, currency, country, updated_at)
     SELECT 'bt' || g, 'store' || g, 'Store ' || g, 'ACTIVE', 'en', 'USD', 'US', now() FROM generate_series(1, $1) g`,
    [TENANTS],
  );
  await owner.query(
    `INSERT INTO storefront_configs (tenant_id, published_at, updated_at) SELECT 'bt' || g, now(), now() FROM generate_series(1, $1) g`,
    [TENANTS],
  );
  await owner.query(
    `INSERT INTO products (id, tenant_id, title, slug, description, status, updated_at)
     SELECT 'bp' || g, 'bt' || g, 'Ceramic Mug ' || g, 'ceramic-mug', 'A stoneware mug for slow mornings.', 'ACTIVE', now()
     FROM generate_series(1, $1) g`,
    [TENANTS],
  );
  await owner.query(
    `INSERT INTO product_variants (id, tenant_id, product_id, sku, price_amount, currency, stock, updated_at)
     SELECT 'bv' || g, 'bt' || g, 'bp' || g, 'MUG-' || g, 2490, 'USD', 12, now() FROM generate_series(1, $1) g`,
    [TENANTS],
  );
  await owner.query('COMMIT');
  await owner.end();
  console.log(`seeded ${TENANTS.toLocaleString('en')} published stores with a product each in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The web app's other settings (Redis, keys, Mercado Livre…): the repository's .env, else .env.example. */
function repositoryEnv(): Record<string, string> {
  const root = resolve(import.meta.dirname, '..');
  const file = existsSync(resolve(root, '.env')) ? resolve(root, '.env') : resolve(root, '.env.example');
  return parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
}

async function startWeb(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const web = spawn('pnpm', ['exec', 'tsx', 'server.ts'], { cwd: WEB_DIR, env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ready, fail) => {
    web.stdout!.on('data', (chunk: Buffer) => (String(chunk).includes('ready on') ? ready() : undefined));
    web.once('exit', (code) => fail(new Error(`the web server exited (${code})`)));
  });
  web.stdout!.resume();
  return web;
}

async function get(path: string, host: string): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((done, fail) => {
    http
      .get({ host: '127.0.0.1', port: PORT, path, headers: { host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
      })
      .on('error', fail);
  });
}

async function load(url: string, host: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: { host } });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

if (!existsSync(resolve(WEB_DIR, '.next/BUILD_ID'))) throw new Error('Build the web app first: pnpm --filter @vitrine/web build');
const db = await createTestDatabase('bench_storefront');
let web: ChildProcess | undefined;
try {
  await seed(db.ownerUrl);
  web = await startWeb({
    ...repositoryEnv(),
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(PORT),
    DATABASE_URL: db.ownerUrl,
    APP_DATABASE_URL: db.appUrl,
    PLATFORM_DOMAIN: 'localhost',
    VITRINE_REDIS_PREFIX: `vitrine-bench-${process.pid}:`,
    LOG_LEVEL: 'warn',
  });
  const host = `store${Math.ceil(TENANTS / 2)}.localhost`;
  const path = '/products/ceramic-mug';
  const first = await get(path, host);
  if (first.status !== 200) throw new Error(`the product page answered ${first.status}`);
  const second = await get(path, host);
  if (second.headers['x-vitrine-cache'] !== 'hit') throw new Error('the second request was not answered from the page cache');
  console.log(`${host}${path}: ${second.body.length.toLocaleString('en')} bytes, cached after the first request`);

  const app = await load(`http://127.0.0.1:${PORT}${path}`, host);

  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(second.body.length) });
    res.end(second.body);
  });
  bare.listen(0, '127.0.0.1');
  await once(bare, 'listening');
  const barePort = (bare.address() as AddressInfo).port;
  const baseline = await load(`http://127.0.0.1:${barePort}${path}`, host);
  bare.close();

  const ratio = app.rps / baseline.rps;
  console.log(`\n${CONNECTIONS} connections, ${DURATION} s each`);
  console.log(`  vitrine (cached product page)   ${Math.round(app.rps).toLocaleString('en')} req/s   p99 ${app.p99} ms`);
  console.log(`  bare node:http, same bytes      ${Math.round(baseline.rps).toLocaleString('en')} req/s   p99 ${baseline.p99} ms`);
  console.log(`  ratio ${ratio.toFixed(2)}× (target ≥ ${TARGET_RATIO}×), p99 ${app.p99} ms (target < ${TARGET_P99_MS} ms)`);
  console.log(ratio >= TARGET_RATIO && app.p99 < TARGET_P99_MS ? '  ✓ within target' : '  ✗ outside target');
} finally {
  web?.kill('SIGTERM');
  if (web && web.exitCode === null) await once(web, 'exit');
  await db.drop();
}
