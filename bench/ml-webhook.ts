// Mercado Livre notification intake under load: ML wants a 200 within 500 ms (reference §2), so this measures
// handleMlWebhook (what POST /api/webhooks/mercadolivre/[secret] runs) behind a bare node:http server in its own
// process, driven by autocannon from this one, on a fresh database with one connected seller.
//
//   pnpm --filter @vitrine/bench ml-webhook      (CONNECTIONS, DURATION seconds, POOL connections can be set)
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import autocannon from 'autocannon';
import { createDatabase, createPrismaClient, type PrismaClient } from '@vitrine/db';
import { createTestDatabase, testKeyRing } from '@vitrine/db/testing';
import { handleMlWebhook } from '@vitrine/mercadolivre/store';
import { percentile } from './stats.ts';

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100);
const DURATION = Number(process.env.DURATION ?? 10);
const WARMUP = Number(process.env.WARMUP ?? 2);
/** The web app's pool (createDatabase's default). */
const POOL = Number(process.env.POOL ?? 10);
const SECRET = 'bench_webhook_secret_0123456789abcdef';
const CLIENT_ID = '5503910054141466';
const SELLER = 424242424;
const DEADLINE_MS = 500;
/** The issue's scenario: notifications arriving at a steady 500 per second, acknowledged with p99 under 50 ms. */
const RATE = Number(process.env.RATE ?? 500);
const RATE_TARGET_MS = 50;
const PATH_PREFIX = '/api/webhooks/mercadolivre/';

interface ServerTally {
  /** New notifications (a row and a job each). */
  stored: number;
  duplicates: number;
  /** Anything else (refused, ignored, failed). */
  other: number;
  /** CPU time the server process spent, in ms. */
  cpuMs: number;
}

// ---------------------------------------------------------------------------------------------------------
// Server process: the same handler the Next route calls, on node:http.

async function serve(appUrl: string): Promise<void> {
  const db = createDatabase({ appDatabaseUrl: appUrl, keyRing: testKeyRing(), maxConnections: POOL });
  const config = { expectedSecret: SECRET, clientId: CLIENT_ID };
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
    res.end(text);
  };
  // What the server did, per round: the bench reads it once the server is idle (requests still in flight when
  // autocannon stops are completed by the server but never counted by autocannon).
  let tally: ServerTally = { stored: 0, duplicates: 0, other: 0, cpuMs: 0 };
  let cpu = process.cpuUsage();
  let inFlight = 0;
  const idle: Array<() => void> = [];
  const settle = () => {
    inFlight--;
    if (inFlight === 0) for (const wake of idle.splice(0)) wake();
  };
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST') return send(res, 405, { error: 'Method not allowed.' });
    if (!req.url?.startsWith(PATH_PREFIX)) return send(res, 404, { error: 'Not found.' });
    const secret = decodeURIComponent(req.url.slice(PATH_PREFIX.length));
    inFlight++;
    handleMlWebhook(db, config, { secret, contentLength: req.headers['content-length'] ?? null, body: req })
      .then(
        (response) => {
          if (response.result?.duplicate === false) tally.stored++;
          else if (response.result?.duplicate === true) tally.duplicates++;
          else tally.other++;
          send(res, response.status, response.body);
        },
        (error: unknown) => {
          tally.other++;
          console.error(error);
          send(res, 500, { error: 'Internal error.' });
        },
      )
      .finally(settle);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
  process.on('message', (message) => {
    if (message === 'drain') {
      const reply = () => {
        const used = process.cpuUsage(cpu);
        process.send!({ tally: { ...tally, cpuMs: (used.user + used.system) / 1000 } });
        tally = { stored: 0, duplicates: 0, other: 0, cpuMs: 0 };
        cpu = process.cpuUsage();
      };
      if (inFlight === 0) reply();
      else idle.push(reply);
    } else if (message === 'stop') {
      server.close();
      void db.disconnect().finally(() => process.exit(0));
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// Bench process: fixtures, load, checks, report.

async function insertFixtures(owner: PrismaClient): Promise<{ tenantId: string }> {
  const tenantId = 'tenant_bench_ml_webhook';
  const accountId = 'mla_bench_ml_webhook';
  await owner.$executeRaw`INSERT INTO tenants (id, slug, name, updated_at) VALUES (${tenantId}, 'bench-ml-webhook', 'Bench ML webhook', now())`;
  await owner.$executeRaw`
    INSERT INTO ml_accounts (id, tenant_id, ml_user_id, nickname, site_id, status, updated_at)
    VALUES (${accountId}, ${tenantId}, ${SELLER}, 'BENCH_SELLER', 'MLB', 'ACTIVE', now())`;
  await owner.$executeRaw`INSERT INTO ml_account_routes (ml_user_id, tenant_id, account_id) VALUES (${SELLER}, ${tenantId}, ${accountId})`;
  return { tenantId };
}

const notification = (id: string, attempts: number, n: number) =>
  JSON.stringify({
    _id: id,
    resource: `/orders/${2_000_000_000 + n}`,
    user_id: SELLER,
    topic: 'orders_v2',
    application_id: Number(CLIENT_ID),
    attempts,
    sent: new Date().toISOString(),
    received: new Date().toISOString(),
  });

interface Round {
  name: string;
  seconds: number;
  responses: number;
  statuses: Map<number, number>;
  errors: number;
  timeouts: number;
  latencies: number[];
  rowsAdded: number;
  jobsAdded: number;
  server: ServerTally;
}

async function counts(owner: PrismaClient): Promise<{ rows: number; jobs: number }> {
  const [row] = await owner.$queryRaw<Array<{ rows: number; jobs: number }>>`
    SELECT (SELECT count(*)::int FROM ml_notifications) AS rows,
           (SELECT count(*)::int FROM outbox_jobs WHERE name = 'notification.process') AS jobs`;
  return row!;
}

async function round(
  name: string,
  server: BenchServer,
  owner: PrismaClient,
  seconds: number,
  body: (n: number) => string,
  connections = CONNECTIONS,
): Promise<Round> {
  const before = await counts(owner);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let n = 0;
  const instance = autocannon({
    url: `http://127.0.0.1:${server.port}${PATH_PREFIX}${SECRET}`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: body(n++) }),
      },
    ],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const result = await instance;
  const drained = once(server.child, 'message');
  server.child.send('drain');
  const [{ tally }] = (await drained) as [{ tally: ServerTally }];
  const after = await counts(owner);
  return {
    name,
    seconds: result.duration,
    responses: latencies.length,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    latencies: latencies.sort((a, b) => a - b),
    rowsAdded: after.rows - before.rows,
    jobsAdded: after.jobs - before.jobs,
    server: tally,
  };
}

/**
 * Open loop at a steady rate: request i leaves at start + i / rate whatever the answers do (as ML's deliveries
 * would), over keep-alive sockets; latency is measured per request from its scheduled departure.
 * (autocannon's overallRate sends each second's quota as a burst at the tick, which measures a burst instead.)
 */
async function steadyRound(name: string, server: BenchServer, owner: PrismaClient, seconds: number, rate: number, body: () => string): Promise<Round> {
  const before = await counts(owner);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 200 });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  const total = Math.round(seconds * rate);
  const start = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const payload = body();
    sends.push(new Promise<void>((resolve) => {
      const req = http.request({
        agent, host: '127.0.0.1', port: server.port, method: 'POST', path: `${PATH_PREFIX}${SECRET}`,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - due);
          statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(payload);
    }));
  }
  await Promise.all(sends);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const drained = once(server.child, 'message');
  server.child.send('drain');
  const [{ tally }] = (await drained) as [{ tally: ServerTally }];
  const after = await counts(owner);
  return {
    name, seconds: elapsed, responses: latencies.length, statuses, errors, timeouts: 0,
    latencies: latencies.sort((a, b) => a - b), rowsAdded: after.rows - before.rows, jobsAdded: after.jobs - before.jobs, server: tally,
  };
}


function report(r: Round): string[] {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const under = r.latencies.filter((x) => x < DEADLINE_MS).length;
  const statuses = [...r.statuses].map(([s, c]) => `${s}×${c}`).join(' ');
  return [
    `  ${r.name}`,
    `    ${(r.responses / r.seconds).toFixed(0)} req/s   p50 ${ms(percentile(r.latencies, 0.5))}   p99 ${ms(percentile(r.latencies, 0.99))}   max ${ms(r.latencies.at(-1) ?? NaN)}`,
    `    under ${DEADLINE_MS} ms: ${((100 * under) / Math.max(1, r.responses)).toFixed(3)}% (${under}/${r.responses})   statuses ${statuses}   errors ${r.errors}   timeouts ${r.timeouts}`,
    `    server: ${r.server.stored} new, ${r.server.duplicates} duplicates, ${r.server.other} other (incl. requests autocannon abandoned at the end), ` +
      `${(r.server.cpuMs / Math.max(1, r.server.stored + r.server.duplicates + r.server.other)).toFixed(2)} ms CPU per request (${((100 * r.server.cpuMs) / (r.seconds * 1000)).toFixed(0)}% of a core)`,
    `    written: ${r.rowsAdded} notification rows, ${r.jobsAdded} outbox jobs`,
  ];
}

interface BenchServer {
  child: ChildProcess;
  port: number;
}

async function startServer(appUrl: string): Promise<BenchServer> {
  const child = fork(process.argv[1]!, [], {
    env: { ...process.env, ML_WEBHOOK_BENCH_SERVER: appUrl },
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(() => {
      throw new Error('the bench server exited before listening');
    }),
  ])) as [{ port: number }];
  return { child, port: message.port };
}

async function main(): Promise<void> {
  const test = await createTestDatabase('bench_ml_webhook');
  const owner = createPrismaClient(test.ownerUrl, { maxConnections: 2 });
  let server: BenchServer | undefined;
  const problems: string[] = [];
  try {
    await insertFixtures(owner);
    server = await startServer(test.appUrl);

    let unique = 0;
    const uniqueBody = () => {
      unique++;
      return notification(`bench-${process.pid}-${unique}`, 1, unique);
    };
    await round('warm-up', server, owner, WARMUP, uniqueBody);

    const single = await round('service time: one connection, a new _id per request, 5 s', server, owner, 5, uniqueBody, 1);
    const steady = await steadyRound(`steady: ${RATE} new notifications per second (open loop), ${DURATION} s`, server, owner, DURATION, RATE, uniqueBody);
    const fresh = await round(`unique: a new _id per request, ${CONNECTIONS} connections, ${DURATION} s`, server, owner, DURATION, uniqueBody);
    const stormId = `bench-storm-${process.pid}`;
    const storm = await round(
      `duplicate storm: one _id (attempts 1–8) on every request, ${CONNECTIONS} connections, ${DURATION} s`,
      server,
      owner,
      DURATION,
      (n) => notification(stormId, 1 + (n % 8), 0),
    );

    const ok = (r: Round) => r.statuses.get(200) ?? 0;
    if (ok(steady) !== steady.responses) problems.push('steady round: not every response was a 200');
    // Every acknowledged notification is stored (none lost); requests autocannon abandons at the end are
    // still completed by the server, so rows may exceed responses but must match what the server stored.
    if (steady.errors > 0 || steady.rowsAdded !== steady.responses || steady.rowsAdded !== steady.server.stored || steady.jobsAdded !== steady.server.stored) {
      problems.push(`steady round: ${steady.responses} acknowledged, ${steady.server.stored} stored, ${steady.rowsAdded} rows and ${steady.jobsAdded} jobs written`);
    }
    if (ok(fresh) !== fresh.responses) problems.push('unique round: not every response was a 200');
    if (fresh.server.duplicates !== 0 || fresh.server.other !== 0) problems.push('unique round: the server saw duplicates or refusals');
    if (fresh.rowsAdded !== fresh.server.stored || fresh.jobsAdded !== fresh.server.stored) {
      problems.push(`unique round: ${fresh.server.stored} stored but ${fresh.rowsAdded} rows and ${fresh.jobsAdded} jobs written`);
    }
    if (ok(storm) !== storm.responses) problems.push('duplicate storm: not every response was a 200');
    if (storm.server.stored !== 1 || storm.rowsAdded !== 1 || storm.jobsAdded !== 1) problems.push(`duplicate storm: ${storm.rowsAdded} rows and ${storm.jobsAdded} jobs (expected 1 and 1)`);
    const [stormRow] = await owner.$queryRaw<Array<{ ml_attempts: number }>>`SELECT ml_attempts FROM ml_notifications WHERE notification_key = ${stormId}`;
    if (stormRow?.ml_attempts !== 8) problems.push(`duplicate storm: ml_attempts is ${stormRow?.ml_attempts}, expected 8`);
    // The latency target is reported, not enforced: on a shared machine it measures the neighbours too.
    const missed = [fresh, storm].filter((r) => percentile(r.latencies, 0.99) >= DEADLINE_MS).map((r) => r.name.split(':')[0]!);

    console.log('ml-webhook bench: POST /api/webhooks/mercadolivre/<secret> → handleMlWebhook → acceptMlNotification');
    console.log(`server: bare node:http in its own process, vitrine_app pool of ${POOL} connections (forced RLS, outbox in the same transaction)`);
    console.log(`client: autocannon, ${CONNECTIONS} keep-alive connections; Node ${process.version}, local PostgreSQL, ${os.cpus().length} CPUs`);
    console.log(`ML's deadline: a 200 within ${DEADLINE_MS} ms; latencies are client-side, per response`);
    console.log('');
    for (const line of [...report(single), '', ...report(steady), '', ...report(fresh), '', ...report(storm)]) console.log(line);
    console.log('');
    const steadyP99 = percentile(steady.latencies, 0.99);
    console.log(`target p99 < ${RATE_TARGET_MS} ms at ${RATE} notifications/s: ${steadyP99 < RATE_TARGET_MS ? 'met' : 'MISSED'} (p99 ${steadyP99.toFixed(1)} ms, ${(steady.responses / steady.seconds).toFixed(0)}/s achieved)`);
    console.log(`target p99 < ${DEADLINE_MS} ms at ${CONNECTIONS} connections: ${missed.length ? `MISSED (${missed.join(', ')})` : 'met'}`);
    console.log(problems.length ? `PROBLEMS:\n  ${problems.join('\n  ')}` : 'checks: every response 200; one row and one job per new notification; the storm stored 1 row and 1 job');
  } finally {
    if (server) {
      const exited = once(server.child, 'exit');
      server.child.send('stop');
      await exited;
    }
    await owner.$disconnect();
    await test.drop();
  }
  if (problems.length) process.exitCode = 1;
}

const serverFor = process.env.ML_WEBHOOK_BENCH_SERVER;
if (serverFor) await serve(serverFor);
else await main();
