/**
 * What the Mercado Livre pages need around the web server in e2e: the ML sandbox (in this process, on a free
 * port, its application redirecting to this run's callback and notifying this run's webhook) and the real worker
 * process (sync, notifications and answers run there), pointed at the e2e database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '@vitrine/mercadolivre/sandbox';
import { E2E_PORT, freePort } from './constants.ts';

export const ML_CLIENT_ID = '1234567890123456';
const ML_CLIENT_SECRET = 'e2e-sandbox-client-secret';
const ML_WEBHOOK_SECRET = 'e2e-only-ml-webhook-secret-0123456789';
const workerDirectory = fileURLToPath(new URL('../../worker/', import.meta.url));

export interface MlServices {
  sandbox: Sandbox;
  /** The ML variables the web server and the worker read. */
  env: Record<string, string>;
}

export async function startMlServices(): Promise<MlServices> {
  const appUrl = `http://localhost:${E2E_PORT}`;
  const redirectUri = `${appUrl}/api/mercadolivre/callback`;
  const sandbox = await startSandbox({
    port: 0,
    // ML retries a slow or failed delivery after about a minute; the suite cannot wait that long (a cold
    // route's first answer may take longer than ML's 500 ms).
    notificationRetrySchedule: [500, 1_000, 2_000, 4_000, 8_000],
    applications: [
      {
        clientId: ML_CLIENT_ID,
        clientSecret: ML_CLIENT_SECRET,
        redirectUris: [redirectUri],
        notificationsUrl: `http://127.0.0.1:${E2E_PORT}/api/webhooks/mercadolivre/${ML_WEBHOOK_SECRET}`,
      },
    ],
  });
  return {
    sandbox,
    env: {
      ML_API_BASE_URL: sandbox.url,
      ML_AUTH_BASE_URL: sandbox.url,
      ML_CLIENT_ID,
      ML_CLIENT_SECRET,
      ML_REDIRECT_URI: redirectUri,
      ML_WEBHOOK_SECRET,
      // The sandbox does not rate-limit unless told to; the default 5/s would make a few hundred orders a minute's wait.
      ML_RATE_PER_APP: '200',
      ML_RATE_PER_SELLER: '200',
    },
  };
}

/** `node --import tsx src/main.ts` in apps/worker (where tsx resolves), as deployed, with the e2e environment and its own health port. */
export function startWorker(env: NodeJS.ProcessEnv): ChildProcess {
  const worker = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: workerDirectory,
    env: { ...env, NODE_ENV: 'production', WORKER_HEALTH_PORT: freePort() },
    stdio: 'inherit',
  });
  worker.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`the e2e worker stopped (code ${code}, signal ${signal})`);
  });
  return worker;
}
