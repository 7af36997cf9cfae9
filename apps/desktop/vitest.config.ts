import { defineConfig } from 'vitest/config';

/** The local store's tests run under Node against in-memory PGlite (and one on-disk store in a temp directory). */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
