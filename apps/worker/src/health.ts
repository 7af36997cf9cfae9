import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import type { Database } from '@vitrine/db';
import type { Metrics } from './metrics.ts';

export interface HealthDeps {
  db: Database;
  redis: Redis;
  relayLagSeconds: () => Promise<number>;
  metrics: Metrics;
}

type Probe = 'ok' | 'down';

async function probe(check: () => Promise<unknown>, timeoutMs: number): Promise<Probe> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/** What GET /healthz answers: 200 when Postgres and Redis both answer, 503 otherwise. */
export async function checkHealth(deps: HealthDeps, timeoutMs = 2_000) {
  const [db, redis] = await Promise.all([
    probe(() => deps.db.platform.$queryRaw`SELECT 1`, timeoutMs),
    probe(() => deps.redis.ping(), timeoutMs),
  ]);
  const relayLagSeconds = db === 'ok' ? await deps.relayLagSeconds().catch(() => null) : null;
  const healthy = db === 'ok' && redis === 'ok';
  return { httpStatus: healthy ? 200 : 503, body: { status: healthy ? 'ok' : 'unavailable', db, redis, relayLagSeconds } };
}

export type HealthServer = Server & { port: number };

/** GET /healthz (JSON) and GET /metrics (Prometheus text) on `port` (0 picks a free one). */
export function startHealthServer(deps: HealthDeps, port: number, host = '0.0.0.0'): Promise<HealthServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const answer = async () => {
      if (req.method === 'GET' && path === '/healthz') {
        const { httpStatus, body } = await checkHealth(deps);
        res.writeHead(httpStatus, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      } else if (req.method === 'GET' && path === '/metrics') {
        const text = await deps.metrics.registry.metrics();
        res.writeHead(200, { 'content-type': deps.metrics.registry.contentType });
        res.end(text);
      } else {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'Not found: the worker answers GET /healthz and GET /metrics.' }));
      }
    };
    answer().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'The health check failed unexpectedly.' }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(Object.assign(server, { port: (server.address() as AddressInfo).port }));
    });
  });
}
