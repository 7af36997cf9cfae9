import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type SessionUser } from './context.ts';
import { appRouter } from './root.ts';
import { createApiHarness, PLATFORM_DOMAIN, type ApiHarness } from './test-support/harness.ts';
import { tenantAccessResponseMeta } from './errors.ts';
import { mergeRouters, publicProcedure, router } from './trpc.ts';
import { createLogger } from '@vitrine/core/logger';

/** Errors as the web app's HTTP clients see them, through tRPC's fetch adapter. */
let h: ApiHarness;
let user: SessionUser;

// The real router plus one procedure that fails the way a bug would.
const testRouter = mergeRouters(
  appRouter,
  router({
    boom: publicProcedure.query(() => {
      throw new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
    }),
  }),
);

async function call(path: string, options: { input?: unknown; mutation?: boolean; host?: string; user?: SessionUser | null } = {}) {
  const base = `http://${options.host ?? PLATFORM_DOMAIN}/api/trpc/${path}`;
  const encoded = options.input === undefined ? undefined : JSON.stringify(superjson.serialize(options.input));
  const request = options.mutation
    ? new Request(base, { method: 'POST', body: encoded ?? '{}', headers: { 'content-type': 'application/json' } })
    : new Request(encoded ? `${base}?input=${encodeURIComponent(encoded)}` : base);
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: testRouter,
    responseMeta: tenantAccessResponseMeta,
    createContext: () =>
      createContext({
        db: h.db,
        redis: h.redis,
        requestId: 'req-http-1',
        sessionUser: options.user ?? null,
        host: new URL(request.url).host,
        tenantResolver: h.resolver,
        log: createLogger('api-test', 'silent'),
      }),
  });
  const body = (await response.json()) as { error?: { json: { message: string; data: Record<string, unknown> } } };
  return { status: response.status, error: body.error?.json };
}

beforeAll(async () => {
  h = await createApiHarness('errors');
  user = await h.createUser('user');
});
afterAll(() => h?.close());

describe('error shapes over HTTP', () => {
  it('hides an unexpected error behind a generic sentence with the request id', async () => {
    const { status, error } = await call('boom');
    expect(status).toBe(500);
    expect(error?.message).toBe('Something went wrong on our side. Please try again (reference req-http-1).');
    expect(JSON.stringify(error)).not.toMatch(/hunter2|ECONNREFUSED|stack/);
    expect(error?.data).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-http-1' });
  });

  it('turns invalid input into BAD_REQUEST with field messages a person understands', async () => {
    const { status, error } = await call('tenant.create', { mutation: true, user, input: { name: 'X', slug: 'admin' } });
    expect(status).toBe(400);
    expect(error?.message).toBe(
      'Please check the form: name: Give the store a name of at least 2 characters; slug: "admin" is reserved; choose another store address',
    );
    expect(error?.data.fieldErrors).toEqual({
      name: ['Give the store a name of at least 2 characters'],
      slug: ['"admin" is reserved; choose another store address'],
    });
  });

  it('keeps the message of an expected error', async () => {
    const { status, error } = await call('tenant.settings.get', { user });
    expect(status).toBe(400);
    expect(error?.message).toBe('Choose a store to work on first.');
  });

  it('gives store-access answers their HTTP status and a typed reason', async () => {
    const store = await h.createStore(user, 'http-store');
    await h.caller(user, { tenantId: store.id }).tenant.settings.update({ published: true });
    await h.db.platform.tenant.update({ where: { id: store.id }, data: { billingStatus: 'UNPAID' } });
    await h.resolver.invalidateTenant(store.id);
    const unpaid = await call('storefront.home', { host: `${store.hostname}:3000` });
    expect(unpaid.status).toBe(402);
    expect(unpaid.error?.data.tenantAccess).toEqual({ reason: 'TENANT_UNPAID', httpStatus: 402 });

    await h.db.platform.tenant.update({ where: { id: store.id }, data: { billingStatus: 'CURRENT', status: 'CANCELLED' } });
    await h.resolver.invalidateTenant(store.id);
    const cancelled = await call('storefront.home', { host: store.hostname });
    expect(cancelled.status).toBe(410);
    expect(cancelled.error?.message).toBe('This store has closed.');
    expect(cancelled.error?.data.tenantAccess).toEqual({ reason: 'TENANT_CANCELLED', httpStatus: 410 });

    const unknown = await call('storefront.home', { host: `nobody.${PLATFORM_DOMAIN}` });
    expect(unknown.status).toBe(404);
    expect(unknown.error?.data.tenantAccess).toEqual({ reason: 'TENANT_NOT_FOUND', httpStatus: 404 });
  });
});
