import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OfflineError } from '../sync/transport.ts';
import { createPlatformClient, platformCall } from './platform-client.ts';

/** A server that accepts requests and never answers: a connection left half-open after the network dropped. */
let silent: Server;
let url: string;

beforeAll(async () => {
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

it('gives up on a call that gets no answer, as offline, instead of waiting for ever', async () => {
  const client = createPlatformClient({ platformUrl: url, token: () => null, tenantId: () => null, requestTimeoutMs: 300 });
  const started = Date.now();
  const failure = await platformCall(() => client.desktop.poll.mutate({ deviceCode: 'x'.repeat(43) })).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(OfflineError);
  expect(Date.now() - started).toBeLessThan(10_000);
});
