import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SandboxCore } from './core.ts';
import { invalidRequest, StripeHttpError } from './errors.ts';
import { FormSyntaxError, parseForm, type FormObject } from './form.ts';
import { readBody, writeReply, type Reply, type Route, type RouteContext } from './http.ts';
import type { IdempotencyStore } from './idempotency.ts';
import { newId } from './model.ts';

interface CompiledRoute {
  route: Route;
  regex: RegExp;
}

function compile(route: Route): CompiledRoute {
  const source = route.path.split('/').map((segment) => (segment.startsWith(':') ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
  return { route, regex: new RegExp(`^${source}$`) };
}

const errorReply = (error: StripeHttpError): Reply => ({ status: error.status, json: { error: error.body } });

/** Sorted keys, so the same parameters in another order are still "the same request". */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface DispatcherOptions {
  core: SandboxCore;
  secretKey: string;
  idempotency: IdempotencyStore;
  routes: Route[];
  /** Runs before every request (expiring Checkout Sessions whose time is up). */
  beforeEach?: () => void;
}

/** API requests: bearer key → idempotency key → route; pages and control routes skip the first two. */
export function createDispatcher(options: DispatcherOptions) {
  const routes = options.routes.map(compile);

  function authenticate(req: IncomingMessage): void {
    const header = req.headers.authorization;
    if (!header) {
      throw invalidRequest("You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').", { status: 401 });
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const key = match?.[1] ?? '';
    if (key !== options.secretKey) {
      const shown = key.length > 8 ? `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}` : key;
      throw invalidRequest(`Invalid API Key provided: ${shown}`, { status: 401 });
    }
  }

  async function run(req: IncomingMessage, requestId: string): Promise<Reply> {
    options.beforeEach?.();
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const method = req.method ?? 'GET';
    let pathMatched = false;
    for (const { route, regex } of routes) {
      const match = regex.exec(path);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      if (route.kind === 'api') authenticate(req);
      const rawBody = method === 'GET' ? '' : await readBody(req);
      let form: FormObject = {};
      if (route.kind !== 'control') {
        try {
          form = parseForm(rawBody);
        } catch (error) {
          if (error instanceof FormSyntaxError) throw invalidRequest(error.message);
          throw error;
        }
      }
      const idempotencyKey = route.kind === 'api' && method === 'POST' ? (req.headers['idempotency-key'] as string | undefined) ?? null : null;
      const ctx: RouteContext = {
        req, core: options.core, params: match.slice(1).map((value) => decodeURIComponent(value)), query: url.searchParams, form, rawBody,
        request: { id: route.kind === 'api' ? requestId : null, idempotencyKey },
      };
      if (!idempotencyKey) return route.handle(ctx);
      return runIdempotent(route, ctx, idempotencyKey, `${method} ${path} ${canonical(form)}`);
    }
    if (pathMatched) throw invalidRequest(`Unrecognized request URL (${method}: ${path}).`, { status: 404 });
    throw invalidRequest(`Unrecognized request URL (${method}: ${path}). Please see https://docs.stripe.com or we can help at https://support.stripe.com/.`, { status: 404 });
  }

  async function runIdempotent(route: Route, ctx: RouteContext, key: string, fingerprint: string): Promise<Reply> {
    if (key.length > 255) throw invalidRequest('Idempotency-Key values can be up to 255 characters long.', { param: 'Idempotency-Key' });
    const check = options.idempotency.begin(key, fingerprint);
    if (check.kind === 'mismatch') {
      throw new StripeHttpError(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    if (check.kind === 'in_flight') {
      throw new StripeHttpError(409, {
        type: 'invalid_request_error',
        code: 'idempotency_key_in_use',
        message: 'There is currently another in-progress request using this Stripe token or idempotency key. Please try again later.',
      });
    }
    if (check.kind === 'replay') {
      return { ...check.reply, headers: { ...check.reply.headers, 'idempotent-replayed': 'true', 'original-request': String(check.reply.headers?.['request-id'] ?? '') } };
    }
    let reply: Reply;
    try {
      reply = await route.handle(ctx);
    } catch (error) {
      if (error instanceof StripeHttpError && !error.beforeExecution) {
        reply = errorReply(error);
      } else {
        options.idempotency.release(key);
        throw error;
      }
    }
    reply = { ...reply, headers: { ...reply.headers, 'request-id': ctx.request.id ?? '', 'idempotency-key': key } };
    options.idempotency.finish(key, reply);
    return reply;
  }

  return {
    handle(req: IncomingMessage, res: ServerResponse): void {
      const requestId = newId('req', 14);
      run(req, requestId).then(
        (reply) => writeReply(res, { ...reply, headers: { 'request-id': requestId, ...reply.headers } }),
        (error: unknown) => {
          if (error instanceof StripeHttpError) return writeReply(res, { ...errorReply(error), headers: { 'request-id': requestId } });
          console.error('[stripe-sandbox] unexpected error', error);
          writeReply(res, { status: 500, json: { error: { type: 'api_error', message: 'An unknown error occurred' } }, headers: { 'request-id': requestId } });
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
