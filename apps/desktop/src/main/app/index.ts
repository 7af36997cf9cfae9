export { createDesktopApp } from './app.ts';
export { createBridgeHandler, BridgeInputError } from './bridge-handler.ts';
export { createPlatformClient, normalizePlatformUrl, type PlatformClient } from './platform-client.ts';
export type { DesktopApp, DesktopAppOptions, TokenVault } from './types.ts';
