// The demo's mail catcher: `pnpm --filter @vitrine/mail catcher` (SMTP on 1025, inbox on http://127.0.0.1:1080).
import { startMailCatcher } from './index.ts';

const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number (0–65535).`);
  return value;
};

try {
  const catcher = await startMailCatcher({
    smtpPort: port('MAIL_CATCHER_SMTP_PORT', 1025),
    httpPort: port('MAIL_CATCHER_HTTP_PORT', 1080),
    host: process.env.MAIL_CATCHER_HOST ?? '127.0.0.1',
  });
  console.log(`mail catcher: SMTP ${catcher.smtpUrl}, inbox ${catcher.httpUrl}`);
  const stop = () => void catcher.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  console.error(inUse ? 'The mail catcher could not start: its SMTP or HTTP port is in use (MAIL_CATCHER_SMTP_PORT, MAIL_CATCHER_HTTP_PORT).' : error);
  process.exit(1);
}
