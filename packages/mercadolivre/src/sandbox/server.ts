import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ZodError } from 'zod';
import type { Caller, Route, SandboxCore } from './core.ts';
import { RateLimiter, type FaultSwitch } from './faults.ts';
import { apiError, bodyReader, SandboxHttpError, writeReply, type RequestContext, type Reply } from './http.ts';

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  key: string;
  counted: boolean;
}

function compile(route: Route, counted: boolean): CompiledRoute {
  const source = route.path.split('/').map((segment) => (segment.startsWith(':') ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
  return { route, regex: new RegExp(`^${source}$`), key: `${route.method} ${route.path}`, counted };
}

export interface Dispatcher {
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/** The body ML answers for a bad or expired token, quirky `error` included (public issue reports). */
const invalidToken = (): SandboxHttpError => apiError(401, 'not_found', 'invalid_token');

/**
 * Answers API routes (counted, subject to faults, bearer auth and the rate limit) and control routes
 * (under /__sandbox, none of that).
 */
export function createDispatcher(core: SandboxCore, faults: FaultSwitch, apiRoutes: Route[], controlRoutes: Route[]): Dispatcher {
  const routes = [...apiRoutes.map((route) => compile(route, true)), ...controlRoutes.map((route) => compile(route, false))];
  const limiter = core.options.rateLimit ? new RateLimiter(core.clock, core.options.rateLimit) : null;

  function authenticate(req: IncomingMessage): Caller {
    const header = req.headers.authorization;
    if (!header) throw apiError(401, 'unauthorized', 'authorization value not present');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const record = match ? core.tokens.authenticate(match[1] as string) : null;
    const seller = record ? core.store.seller(record.sellerId) : undefined;
    if (!record || !seller) throw invalidToken();
    return { seller, clientId: record.clientId, token: record };
  }

  async function run(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const method = req.method ?? 'GET';
    let pathMatched = false;
    for (const compiled of routes) {
      const match = compiled.regex.exec(path);
      if (!match) continue;
      pathMatched = true;
      if (compiled.route.method !== method) continue;
      const ctx: RequestContext = {
        req, method, path, query: url.searchParams, params: match.slice(1).map((value) => decodeURIComponent(value)), body: bodyReader(req),
      };
      if (compiled.counted) {
        core.stats.calls[compiled.key] = (core.stats.calls[compiled.key] ?? 0) + 1;
        const fault = faults.check(path);
        if (fault) throw fault;
      }
      let caller: Caller | null = null;
      if (compiled.route.access === 'token') {
        caller = authenticate(req);
        if (limiter?.exceeded(caller.clientId, caller.seller.id)) throw apiError(429, 'too_many_requests', 'Too Many Requests');
      }
      return compiled.route.handle(ctx, caller, core);
    }
    if (pathMatched) throw apiError(405, 'method_not_allowed', `${method} is not allowed on ${path}`);
    throw apiError(404, 'not_found', `resource ${path} not found`);
  }

  return {
    handle(req, res) {
      run(req).then(
        (reply) => writeReply(res, reply),
        (error: unknown) => {
          if (error instanceof SandboxHttpError) return writeReply(res, { status: error.status, json: error.body, headers: error.headers });
          if (error instanceof ZodError) {
            const message = error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
            return writeReply(res, { status: 400, json: { message, error: 'bad_request', status: 400, cause: [] } });
          }
          console.error('[ml-sandbox] unexpected error', error);
          writeReply(res, { status: 500, json: { message: 'Internal Server Error', error: 'internal_server_error', status: 500, cause: [] } });
        },
      );
    },
  };
}

export function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, port: number, host: string): Promise<Server> {
  const server = createServer(handler);
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
