import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NextConfig } from 'next';

// Run on its own (`pnpm --filter @vitrine/web dev`), the app reads the repository's .env; variables already set
// (by scripts/start.sh, the e2e server or the deployment) win.
const repositoryEnv = resolve(process.cwd(), '../../.env');
if (existsSync(repositoryEnv)) process.loadEnvFile(repositoryEnv);

const config: NextConfig = {
  // Workspace packages are TypeScript source (with `.ts` import specifiers, like Prisma's generated client).
  transpilePackages: ['@vitrine/api', '@vitrine/core', '@vitrine/db', '@vitrine/media', '@vitrine/mercadolivre', '@vitrine/payments', '@vitrine/ui'],
  // Native or connection-holding modules stay plain Node requires, outside the bundles.
  serverExternalPackages: ['@node-rs/argon2', 'pg', '@prisma/adapter-pg', '@prisma/client', 'ioredis', 'bullmq', 'pino', 'sharp'],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
};

export default config;
