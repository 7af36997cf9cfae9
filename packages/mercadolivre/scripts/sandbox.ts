/**
 * The Mercado Livre sandbox as a standalone process, for the demo and browser tests:
 *   pnpm --filter @vitrine/mercadolivre sandbox
 * Env: ML_SANDBOX_PORT (3200), ML_CLIENT_ID, ML_CLIENT_SECRET, ML_REDIRECT_URI, ML_NOTIFICATIONS_URL (optional).
 * Drive it over HTTP under /__sandbox/* (sellers, tokens, faults, questions, notifications, stats, counts).
 */
import { z } from 'zod';
import { startSandbox } from '../src/sandbox/index.ts';

const env = z.object({
  ML_SANDBOX_PORT: z.coerce.number().int().min(0).max(65_535).default(3200),
  ML_SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  ML_CLIENT_ID: z.string().regex(/^\d+$/, 'ML_CLIENT_ID must be numeric, like an ML application id').default('1234567890123456'),
  ML_CLIENT_SECRET: z.string().min(1).default('sandbox-secret'),
  ML_REDIRECT_URI: z.url().default('http://localhost:3000/api/mercadolivre/callback'),
  ML_NOTIFICATIONS_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url().optional()),
});

const parsed = env.safeParse(process.env);
if (!parsed.success) {
  console.error(`ml-sandbox: invalid environment: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  process.exit(1);
}
const config = parsed.data;

const sandbox = await startSandbox({
  port: config.ML_SANDBOX_PORT,
  host: config.ML_SANDBOX_HOST,
  applications: [{
    clientId: config.ML_CLIENT_ID,
    clientSecret: config.ML_CLIENT_SECRET,
    redirectUris: [config.ML_REDIRECT_URI],
    name: 'Vitrine (demo)',
    ...(config.ML_NOTIFICATIONS_URL ? { notificationsUrl: config.ML_NOTIFICATIONS_URL } : {}),
  }],
});

const sellers = [
  sandbox.generateSeller({ nickname: 'LOJA_AURORA_ML', siteId: 'MLB', items: 60, orders: 300, questions: 120, seed: 2026 }),
  sandbox.generateSeller({ nickname: 'CASA_BOREAL_ML', siteId: 'MLB', items: 15, orders: 40, questions: 25, seed: 7 }),
];

console.log(`ml-sandbox listening on ${sandbox.url}`);
console.log(`  authorization page: ${sandbox.authorizationUrl}`);
console.log(`  application ${config.ML_CLIENT_ID} → ${config.ML_REDIRECT_URI}`);
console.log(`  notifications → ${config.ML_NOTIFICATIONS_URL ?? '(none: set ML_NOTIFICATIONS_URL)'}`);
for (const seller of sellers) {
  const counts = sandbox.counts(seller.id);
  console.log(`  seller ${seller.nickname} (${seller.siteId}) id=${seller.id}: ${counts.items} items, ${counts.orders} orders, ${counts.questions} questions (${counts.unansweredQuestions} unanswered)`);
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`ml-sandbox: ${signal}, stopping`);
  await sandbox.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
