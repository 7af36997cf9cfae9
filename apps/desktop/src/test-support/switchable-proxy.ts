import { once } from 'node:events';
import { createServer, connect, type Server, type Socket, type AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of the platform, to cut the desktop app's network for real: `cut()` closes the port and
 * every connection through it (the app sees ECONNREFUSED/ECONNRESET, as with a pulled cable), `restore()`
 * listens on the same port again.
 */
export interface SwitchableProxy {
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function createSwitchableProxy(target: { host: string; port: number }): Promise<SwitchableProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  async function restore() {
    if (server) return;
    server = createServer((client) => {
      const upstream = connect(target.port, target.host);
      track(client);
      track(upstream);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  }

  async function cut() {
    const current = server;
    if (!current) return;
    server = null;
    const closed = new Promise<void>((resolve) => current.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  }

  await restore();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    cut,
    restore,
    close: cut,
  };
}
