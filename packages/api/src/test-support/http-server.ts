import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { tenantAccessResponseMeta } from '../errors.ts';
import { userFromAuthorization } from '../routers/desktop/tokens.ts';
import { appRouter } from '../root.ts';
import type { ApiHarness } from './harness.ts';

/**
 * The router over real HTTP at `/api/trpc`, authenticated as the web route authenticates the desktop app
 * (Authorization: Bearer, the store in x-tenant-id; no cookies). For clients that must be tested over a
 * socket: the desktop app's HTTP client, benchmarks. `stop()` closes the port and every open connection
 * (clients then see a refused connection, as with a cut network) and `start()` listens on the same port again.
 */
export interface ApiHttpServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const chunks: Buffer[] = [];
  if (hasBody) for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, ...(hasBody ? { body: Buffer.concat(chunks) } : {}) });
}

export async function serveApiOverHttp(h: ApiHarness, port = 0): Promise<ApiHttpServer> {
  const sockets = new Set<Socket>();
  let server: Server;
  let boundPort = port;

  const handle = (origin: string) => async (req: IncomingMessage, res: ServerResponse) => {
    const request = await toRequest(req, origin);
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: request,
      router: appRouter,
      responseMeta: tenantAccessResponseMeta,
      async createContext() {
        const user = await userFromAuthorization(h.db.platform, request.headers.get('authorization'));
        return h.context(user ?? null, { tenantId: request.headers.get('x-tenant-id') });
      },
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  };

  async function start() {
    server = createServer((req, res) => {
      handle(`http://127.0.0.1:${boundPort}`)(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    server.listen(boundPort, '127.0.0.1');
    await once(server, 'listening');
    boundPort = (server.address() as AddressInfo).port;
  }

  async function stop() {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  }

  await start();
  return {
    get url() {
      return `http://127.0.0.1:${boundPort}`;
    },
    get port() {
      return boundPort;
    },
    stop,
    start,
    close: stop,
  };
}
