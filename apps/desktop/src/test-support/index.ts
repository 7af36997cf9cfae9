/**
 * Test support (`@vitrine/desktop/testing`): what the browser tests put in place of the Electron shell.
 * Never imported by the app.
 */
export { memoryVault } from './memory-vault.ts';
export { createSwitchableProxy, type SwitchableProxy } from './switchable-proxy.ts';
export { serveRenderer, RENDERER_DIST } from './renderer-server.ts';
export { exposeDesktopApp, type BridgePage } from './renderer-page.ts';
