import { loadEnv, type Env } from '@vitrine/core/env';

/** Parsed once per process; a missing or malformed variable stops the server with its name. */
export const env: Env = loadEnv();
