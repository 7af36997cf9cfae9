// `prisma generate` without downloading engines: the client needs none (driver adapter + query
// compiler), and generate never runs the schema engine, so a placeholder path satisfies the CLI.
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const placeholder = join(mkdtempSync(join(tmpdir(), 'prisma-engine-')), 'schema-engine');
writeFileSync(placeholder, '#!/bin/sh\necho "the schema engine is not available here; use pnpm --filter @vitrine/db migrate" >&2\nexit 1\n');
chmodSync(placeholder, 0o755);
execFileSync('prisma', ['generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
