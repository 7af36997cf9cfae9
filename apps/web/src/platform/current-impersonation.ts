import { cookies } from 'next/headers';
import { cache } from 'react';
import { serverCaller } from '../server/caller.ts';
import { IMPERSONATION_COOKIE } from '../server/request.ts';

/**
 * The impersonation the request's cookie names, while it is in force for the signed-in staff member; null for
 * everyone else (no cookie, someone else's grant, ended, past its cap, or no longer platform staff with 2FA).
 * Read once per request (the banner, the admin's store and the page all ask).
 */
export const currentImpersonation = cache(async () => {
  const grantId = (await cookies()).get(IMPERSONATION_COOKIE)?.value;
  if (!grantId) return null;
  return (await serverCaller()).platform.impersonation.current({ grantId }).catch(() => null);
});
