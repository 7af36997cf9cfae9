import type { z } from 'zod';
import type { applicationSchema, ResolvedSandboxOptions } from './options.ts';
import type { RequestContext, Reply } from './http.ts';
import type { SellerRecord } from './model.ts';
import type { Notifier } from './notifications.ts';
import type { SandboxStore } from './store.ts';
import type { AccessRecord, TokenRegistry } from './tokens.ts';

export type ResolvedApplication = z.output<typeof applicationSchema>;

/** Everything a route handler may touch. */
export interface SandboxCore {
  options: ResolvedSandboxOptions;
  clock: () => number;
  store: SandboxStore;
  tokens: TokenRegistry;
  notifier: Notifier;
  applications: Map<string, ResolvedApplication>;
  stats: {
    calls: Record<string, number>;
    tokenGrants: { authorization_code: number; refresh_token: number };
  };
}

/** The seller an access token belongs to. */
export interface Caller {
  seller: SellerRecord;
  clientId: string;
  token: AccessRecord;
}

export type RouteAccess = 'token' | 'public';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path pattern with `:name` segments; also the endpoint key counted in stats().calls. */
  path: string;
  access: RouteAccess;
  handle(ctx: RequestContext, caller: Caller | null, core: SandboxCore): Reply | Promise<Reply>;
}

/** For handlers of `access: 'token'` routes, where the dispatcher guarantees a caller. */
export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw new Error('route declared access "token" but ran without a caller');
  return caller;
}
