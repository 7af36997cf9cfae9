import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createCatcherHandler } from './http.ts';
import { MessageStore } from './store.ts';

export { MessageStore, extractLinks, type CaughtMessage } from './store.ts';

export interface MailCatcherOptions {
  /** 0 picks a free port. */
  smtpPort: number;
  httpPort: number;
  host?: string;
  /** Messages kept in memory (oldest dropped first). */
  limit?: number;
}

export interface MailCatcher {
  smtpPort: number;
  httpPort: number;
  /** smtp://host:port, for SMTP_URL. */
  smtpUrl: string;
  /** The inbox and its JSON API. */
  httpUrl: string;
  store: MessageStore;
  stop(): Promise<void>;
}

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);

/**
 * A local SMTP server that accepts every message (no auth, no TLS) and keeps it in memory, with an HTTP API
 * and inbox to read it back. For tests and the demo only: application code never imports it.
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const store = new MessageStore(options.limit);
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          store.add({
            to: envelopeTo.length ? envelopeTo : addresses(parsed.to),
            from: parsed.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            kind: (parsed.headers.get('x-vitrine-kind') as string | undefined) ?? null,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort, host, () => {
      smtp.off('error', reject);
      resolve();
    });
  });
  smtp.on('error', () => {}); // a client dropping the connection must not bring the catcher down
  const http: Server = createServer(createCatcherHandler(store));
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.httpPort, host, () => resolve());
    });
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (http.address() as AddressInfo).port;
  return {
    smtpPort,
    httpPort,
    smtpUrl: `smtp://${host}:${smtpPort}`,
    httpUrl: `http://${host}:${httpPort}`,
    store,
    async stop() {
      http.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => http.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}
