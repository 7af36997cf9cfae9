import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { APP_ORIGIN, createRendererHandler } from '../electron/renderer-protocol.ts';

/** Where `pnpm --filter @vitrine/desktop build:renderer` writes the renderer. */
export const RENDERER_DIST = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/**
 * Serves the built renderer over http:// through the shell's own app:// protocol handler (the same files, the
 * same Content-Security-Policy and headers), so a browser test sees what the Electron window sees.
 */
export async function serveRenderer(dir = RENDERER_DIST): Promise<{ url: string; close(): Promise<void> }> {
  const handle = createRendererHandler(dir);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', APP_ORIGIN);
    handle(new Request(`${APP_ORIGIN}${url.pathname}`, { method: req.method }))
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch(() => res.writeHead(500).end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
