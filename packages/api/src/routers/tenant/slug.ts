import { z } from 'zod';

/** Store addresses that belong to the platform itself. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'www', 'app', 'admin', 'api', 'platform', 'mail', 'email', 'smtp', 'static', 'assets', 'cdn', 'img', 'images',
  'media', 'files', 'help', 'support', 'status', 'billing', 'dashboard', 'account', 'accounts', 'auth', 'login',
  'signin', 'signup', 'register', 'docs', 'blog', 'dev', 'staging', 'test', 'demo', 'internal', 'root', 'system',
  'vitrine', 'store', 'stores', 'shop', 'checkout', 'webhooks', 'ftp', 'ns1', 'ns2', 'localhost',
]);

/** The problem with a store address, or null when it can be used. */
export function storeSlugProblem(slug: string): string | null {
  if (slug.length < 3 || slug.length > 63) return 'Use 3 to 63 characters for the store address';
  if (!/^[a-z0-9-]+$/.test(slug)) return 'Use only lowercase letters (a-z), digits and hyphens in the store address';
  if (slug.startsWith('-') || slug.endsWith('-')) return 'The store address cannot start or end with a hyphen';
  if (slug.includes('--')) return 'The store address cannot contain two hyphens in a row';
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is reserved; choose another store address`;
  return null;
}

export const storeSlugSchema = z
  .string()
  .trim()
  .superRefine((slug, ctx) => {
    const problem = storeSlugProblem(slug);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
