/**
 * A whole number from an environment variable, within [min, max]; missing, malformed or out of range gives the
 * fallback (a bad value never stops the app: the default is the documented behaviour).
 */
export function wholeNumberFromEnv(raw: string | undefined, range: { min: number; max: number; fallback: number }): number {
  const text = raw?.trim();
  if (!text) return range.fallback;
  const value = Number(text);
  return Number.isInteger(value) && value >= range.min && value <= range.max ? value : range.fallback;
}
