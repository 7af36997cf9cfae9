import type { NextConfig } from 'next';

const config: NextConfig = {
  transpilePackages: ['@vitrine/api', '@vitrine/core', '@vitrine/db', '@vitrine/ui'],
  serverExternalPackages: ['@node-rs/argon2', 'pg', '@prisma/adapter-pg', '@prisma/client', 'ioredis', 'bullmq', 'pino'],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
};

export default config;
