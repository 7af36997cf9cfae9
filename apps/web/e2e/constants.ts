import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A free port; E2E_PORT is found once by the Playwright runner and inherited by its workers and the web server. */
export function freePort(): string {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

export const E2E_PORT = Number((process.env.E2E_PORT ||= freePort()));
export const BASE = `http://localhost:${E2E_PORT}`;
export const storeUrl = (slug: string, path = '/') => `http://${slug}.localhost:${E2E_PORT}${path}`;
export const STATE_FILE = fileURLToPath(new URL('../.e2e-state.json', import.meta.url));
