import { notFound, redirect } from 'next/navigation';
import { currentUser, type CurrentUser } from '../server/auth.ts';
import { getDb } from '../server/db.ts';

/** Where platform staff without two-factor authentication are sent (outside the platform layout). */
export const TWO_FACTOR_REQUIRED_PATH = '/two-factor-required';
/** Where two-factor authentication is turned on. */
export const SECURITY_PATH = '/admin/account/security';

/**
 * The gate of every platform page (the layout and each page, as they render in parallel): signed out → sign
 * in; not platform staff → the ordinary "not found"; staff without two-factor authentication → the page that
 * says so and links to turning it on. The role and the second factor are read from the database.
 */
export async function requirePlatformStaff(next: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(next)}`);
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  const row = await getDb().platform.user.findUnique({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (!row?.totpEnabledAt) redirect(TWO_FACTOR_REQUIRED_PATH);
  return user;
}
