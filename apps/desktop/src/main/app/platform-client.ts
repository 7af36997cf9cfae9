import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '@vitrine/api';
import { classifyError, clientTransport, type Transport } from '../sync/transport.ts';

/** A call that gets no answer in this time is treated as a cut connection. */
const REQUEST_TIMEOUT_MS = 20_000;

export interface PlatformClientOptions {
  /** The web app's address, e.g. http://localhost:3000 (the API is at /api/trpc). */
  platformUrl: string;
  /** The desktop token (sent as Authorization: Bearer), read on every call. */
  token: () => string | null;
  /** The store the calls work on (x-tenant-id), read on every call. */
  tenantId: () => string | null;
  fetch?: typeof fetch;
  /** Default 20 s. */
  requestTimeoutMs?: number;
}

export function normalizePlatformUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`The platform address must start with http:// or https:// (got ${value}).`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/**
 * The platform's tRPC API over HTTP, typed by the router itself. One request per call (no batching), so each
 * call fails or succeeds on its own; no cookies are ever sent.
 */
export function createPlatformClient(options: PlatformClientOptions) {
  const baseFetch = options.fetch ?? fetch;
  const timeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${normalizePlatformUrl(options.platformUrl)}/api/trpc`,
        transformer: superjson,
        headers() {
          const headers: Record<string, string> = {};
          const token = options.token();
          const tenantId = options.tenantId();
          if (token) headers.authorization = `Bearer ${token}`;
          if (tenantId) headers['x-tenant-id'] = tenantId;
          return headers;
        },
        // tRPC always passes its own abort signal: the timeout races it (a half-open connection after the network
        // dropped would otherwise leave a call, and the sign-in or sync waiting on it, hanging for ever).
        fetch: (input, init) => {
          const timeout = AbortSignal.timeout(timeoutMs);
          return baseFetch(input, { ...init, credentials: 'omit', signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
        },
      }),
    ],
  });
}

export type PlatformClient = ReturnType<typeof createPlatformClient>;

/** The sync's and the outbox's transport over this client. */
export function platformTransport(client: PlatformClient): Transport {
  return clientTransport(client);
}

/** Runs a platform call and rethrows its failure as the app's error classes (OfflineError, SignedOutError…). */
export async function platformCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw classifyError(error);
  }
}
