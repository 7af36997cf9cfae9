import { defineConfig } from 'vitest/config';

/**
 * Integration tests run against the real Postgres and Redis: every test file creates its own migrated
 * database (createTestDatabase) and a Redis key prefix of its own, so files are independent and can run
 * side by side.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { LOG_LEVEL: 'silent' },
  },
});
