/**
 * A value as it crosses the bridge: dates become ISO strings, recursively. The bridge's views are derived from the
 * local store's row types with it, so a new column cannot drift between the two.
 */
export type Plain<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Plain<U>[]
    : T extends object
      ? { [K in keyof T]: Plain<T[K]> }
      : T;
