/**
 * Test support for other packages' integration tests (`@vitrine/api/testing`): the harness with callers of the
 * real router, and desktop tokens for its bearerCaller. Never imported by application code.
 */
export { createApiHarness, type ApiHarness, type ApiHarnessOptions, type Caller, type CallAs } from './harness.ts';
export { createDesktopToken } from '../routers/desktop/tokens.ts';
export { serveApiOverHttp, type ApiHttpServer } from './http-server.ts';
export { DESKTOP_RATE } from '../lib/desktop-rate.ts';
export { seedBigCatalog } from './big-catalog.ts';
