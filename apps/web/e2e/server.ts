/**
 * Playwright's webServer (it starts before globalSetup): a fresh migrated database, the seed, the Mercado Livre
 * sandbox (in this process) and the worker, then `next build` and the production server (server.ts) pointed at them, with its own Redis key
 * prefix. The database and the keys are removed when Playwright stops this process, and by globalTeardown (from
 * .e2e-state.json) should this process be killed. Specs reach the sandbox through `mlSandboxUrl` in that file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '@vitrine/db/testing';
import { startMailCatcher } from '@vitrine/mail/catcher';
import { PLATFORM_PLAN_PRICES, startStripeSandbox } from '@vitrine/stripe-sandbox';
import { startMlServices, startWorker } from './ml-services.ts';
import { clearRedisKeys } from './redis-keys.ts';
import { seed } from './seed.ts';
import { E2E_PORT, STATE_FILE } from './constants.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisPrefix = `vitrine-e2e-${randomBytes(4).toString('hex')}:`;
const database = await createTestDatabase('web_e2e');
const ml = await startMlServices();
// Every email of the run (verification, sign-in links, resets) lands here; specs read it through mailInboxUrl.
const mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
// Stripe for store checkouts and platform billing: events are signed and posted to the web app's webhook route.
const stripe = await startStripeSandbox({
  secretKey: 'sk_test_vitrine_e2e',
  webhookSecret: 'whsec_vitrine_e2e',
  webhookUrl: `http://localhost:${E2E_PORT}/api/webhooks/stripe`,
  webhookRetrySchedule: [500, 2_000, 5_000],
  prices: PLATFORM_PLAN_PRICES,
});
writeFileSync(
  STATE_FILE,
  JSON.stringify({ name: database.name, ownerUrl: database.ownerUrl, redisUrl, redisPrefix, mlSandboxUrl: ml.sandbox.url, mailInboxUrl: mail.httpUrl, stripeSandboxUrl: stripe.url }),
);
try {
  await seed(database.ownerUrl);
} catch (error) {
  console.error('seeding the e2e database failed', error);
  await database.drop();
  process.exit(1);
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  DATABASE_URL: database.ownerUrl,
  APP_DATABASE_URL: database.appUrl,
  REDIS_URL: redisUrl,
  VITRINE_REDIS_PREFIX: redisPrefix,
  PLATFORM_DOMAIN: 'localhost',
  APP_URL: `http://localhost:${E2E_PORT}`,
  AUTH_SECRET: 'e2e-only-auth-secret-0123456789abcdefghijklmnop',
  DATA_ENCRYPTION_KEYS: 'k1:g2TSOuscX2NiMxYkYPbp4UeCB5QOegwhwi8KS55xITo=',
  NEXT_TELEMETRY_DISABLED: '1',
  ...ml.env,
  SMTP_URL: mail.smtpUrl,
  STRIPE_SECRET_KEY: stripe.secretKey,
  STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
  STRIPE_API_BASE: stripe.url,
};

let child: ChildProcess | undefined;
/** Started after the build; stopped with everything else. */
const started: { worker?: ChildProcess } = {};
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  child?.kill('SIGTERM');
  const worker = started.worker;
  worker?.kill('SIGTERM');
  await ml.sandbox.close().catch((err: unknown) => console.error('could not close the Mercado Livre sandbox', err));
  await mail.stop().catch((err: unknown) => console.error('could not stop the mail catcher', err));
  await stripe.stop().catch((err: unknown) => console.error('could not stop the Stripe sandbox', err));
  if (worker && worker.exitCode === null) await new Promise((resolve) => worker.once('exit', resolve));
  await database.drop().catch((err: unknown) => console.error('could not drop the e2e database', err));
  await clearRedisKeys(redisUrl, redisPrefix).catch((err: unknown) => console.error('could not clear the e2e Redis keys', err));
  process.exit(code);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const proc = spawn(command, args, { env: { ...env, ...extraEnv }, stdio: 'inherit' });
    child = proc;
    proc.on('exit', (code) => resolve(code ?? 1));
  });
}

if (process.env.E2E_SKIP_BUILD !== '1') {
  const built = await run('pnpm', ['exec', 'next', 'build']);
  if (built !== 0) await stop(built);
}
// After the build, so the two do not compete for the machine's cores.
started.worker = startWorker(env);
// globalTeardown runs before Playwright stops this process: it stops the worker first (by its pid) so the
// worker is not left polling a database that is being dropped.
writeFileSync(STATE_FILE, JSON.stringify({ ...JSON.parse(readFileSync(STATE_FILE, 'utf8')), workerPid: started.worker.pid }));
// The production server (server.ts): Next behind the store-page cache, as in production.
const exited = await run(process.execPath, ['--import', 'tsx', 'server.ts'], { PORT: String(E2E_PORT) });
await stop(exited);
