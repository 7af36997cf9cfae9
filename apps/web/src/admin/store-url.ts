import { getEnv } from '../server/env.ts';

/** The storefront's address on the platform domain (same scheme and port as the app). */
export function storeUrl(slug: string): string {
  const env = getEnv();
  const app = new URL(env.APP_URL);
  return `${app.protocol}//${slug}.${env.PLATFORM_DOMAIN}${app.port ? `:${app.port}` : ''}`;
}
