import { TRPCError } from '@trpc/server';
import { notFound, redirect } from 'next/navigation';
import { currentUser } from '../../../src/server/auth.ts';
import { serverCaller } from '../../../src/server/caller.ts';

/**
 * The signed-in person's partner, or the page answers: signed out → sign in, not in a partner's team (a store's
 * owner included) → the ordinary "not found". Pages call it too, as they render beside the layout.
 */
export async function requirePartner(next: string) {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(next)}`);
  const caller = await serverCaller();
  const partner = await caller.partner.me().catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHORIZED')) notFound();
    throw error;
  });
  return { user, partner, caller };
}
