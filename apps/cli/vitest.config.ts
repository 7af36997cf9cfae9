import { defineConfig } from 'vitest/config';

/** The commands run as subprocesses against a fresh migrated database and the local Redis. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
