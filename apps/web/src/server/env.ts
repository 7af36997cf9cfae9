import { loadEnv, type Env } from '@vitrine/core/env';

let parsed: Env | undefined;

/** Parsed on first use (not at import, so `next build` needs no secrets); a bad variable stops the server naming it. */
export function getEnv(): Env {
  return (parsed ??= loadEnv());
}
