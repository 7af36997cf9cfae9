/** Exit codes: 0 done, 1 the command failed (refused, not found, a database error), 2 it was called wrongly. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The command line itself is wrong (unknown command or option, missing value): exit 2 with the command's help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command ran and could not do what was asked; the message says why (exit 1). */
export class CommandError extends Error {
  override name = 'CommandError';
}
