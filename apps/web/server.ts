/**
 * The web app's production server: Next.js behind a small front that answers cached store pages itself.
 *
 * A store page (`{slug}.{PLATFORM_DOMAIN}` or a custom domain, GET or HEAD) that Next's store routes rendered before
 * is sent from the process's page cache (src/store-cache) without entering Next; everything else, and every miss,
 * goes to Next. The cache is emptied per store when the database announces a committed change to that store
 * (storefront_changed), so a hit is never older than the store's last change.
 *
 * Run: `tsx server.ts` (PORT, default 3000; NODE_ENV=production uses the build in .next).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { isSharedPath, routeForHost } from './src/routing/host-route.ts';
import type { CachedPage } from './src/store-cache/page-cache.ts';
import { recordStoreVisits } from '@vitrine/api';
import { getDb } from './src/server/db.ts';
import { storePageKey } from './src/store-cache/page-key.ts';
import { storePages } from './src/store-cache/store-pages.ts';
import { countCachedVisit, flushVisits, startVisitFlusher } from './src/store-cache/visits.ts';
import { warmUpRoutes } from './src/server/warm-up.ts';

const port = Number(process.env.PORT ?? 3000);
const dev = process.env.NODE_ENV !== 'production';
const platformDomain = process.env.PLATFORM_DOMAIN ?? 'localhost';

/** The cached page for this request, or undefined when Next must answer. */
function cachedPageFor(req: IncomingMessage): CachedPage | undefined {
  const url = req.url ?? '/';
  if (isSharedPath(url.split('?', 1)[0]!)) return undefined;
  if (routeForHost(req.headers.host, platformDomain).kind !== 'store') return undefined;
  const pages = storePages();
  if (!pages.listening) return undefined;
  const forwardedProto = req.headers['x-forwarded-proto'];
  const key = storePageKey({
    method: req.method ?? 'GET',
    host: req.headers.host,
    forwardedProto: Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto,
    pathAndQuery: url,
    cookie: req.headers.cookie,
  });
  const page = key === null ? undefined : pages.cache.get(key);
  if (page?.countsVisit && req.method === 'GET') countCachedVisit(page.tenantId);
  return page;
}

function send(req: IncomingMessage, res: ServerResponse, page: CachedPage) {
  res.writeHead(page.status, { ...page.headers, 'content-length': String(page.body.length), 'x-vitrine-cache': 'hit' });
  res.end(req.method === 'HEAD' ? undefined : page.body);
}

const app = next({ dev, dir: import.meta.dirname, port });
await app.prepare();
const handle = app.getRequestHandler();
// Listen for changes before the first request, so pages can be stored from the start; visits answered from the
// cache are written every few seconds.
storePages().serving = true;
const writeVisits = async (tenantId: string, visits: number) => recordStoreVisits(await getDb().forTenant(tenantId), tenantId, visits);
startVisitFlusher(writeVisits);

const server = createServer((req, res) => {
  const page = cachedPageFor(req);
  if (page) return send(req, res, page);
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => {
  console.log(`vitrine web ready on http://localhost:${port}${dev ? ' (development)' : ''}`);
  if (!dev) void warmUpRoutes(`http://127.0.0.1:${port}`);
});

const stop = () => {
  server.close();
  void flushVisits(writeVisits);
  void storePages().listener?.close();
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
