import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

// These paths are computed at run time from the working directory and STORAGE_DIR. The `turbopackIgnore` comments
// tell Next's file tracer not to follow them: it cannot know them at build time and would otherwise copy the whole
// repository into the server bundle ("Dynamic filesystem access causes tracing of the whole project").

/** The repository root: the nearest directory at or above `from` holding pnpm-workspace.yaml (else `from`). */
export function repositoryRoot(from = process.cwd()): string {
  const start = resolve(/*turbopackIgnore: true*/ from);
  for (let dir = start; ; dir = dirname(dir)) {
    const marker = join(/*turbopackIgnore: true*/ dir, 'pnpm-workspace.yaml');
    if (existsSync(/*turbopackIgnore: true*/ marker)) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** STORAGE_DIR as an absolute path: relative values are read from the repository root, whichever app runs. */
export function resolveStorageDir(storageDir: string, from = process.cwd()): string {
  return isAbsolute(storageDir) ? storageDir : resolve(/*turbopackIgnore: true*/ repositoryRoot(from), storageDir);
}
