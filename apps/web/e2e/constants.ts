import { fileURLToPath } from 'node:url';

export const E2E_PORT = 3210;
export const BASE = `http://localhost:${E2E_PORT}`;
export const storeUrl = (slug: string, path = '/') => `http://${slug}.localhost:${E2E_PORT}${path}`;
export const STATE_FILE = fileURLToPath(new URL('../.e2e-state.json', import.meta.url));
