import { defineConfig } from 'vitest/config';

/**
 * Integration tests against the real Postgres and Redis: each file creates its own migrated database
 * (createTestDatabase) and BullMQ prefix. Files run one at a time: the shutdown test spawns a worker
 * process and times a job, which a second busy file on a 2-core machine would make flaky.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { LOG_LEVEL: 'silent' },
  },
});
