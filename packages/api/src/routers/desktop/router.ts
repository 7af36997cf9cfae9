import { authedProcedure, publicProcedure, router } from '../../trpc.ts';
import { approveLogin, lookupLogin, pollLogin, startLogin } from './device-flow.ts';
import { pollInput, startLoginInput, tokenIdInput, userCodeInput } from './inputs.ts';
import { listDesktopTokens, revokeCallingToken, revokeDesktopToken } from './tokens.ts';

export const desktopRouter = router({
  // Device sign-in (see device-flow.ts): the desktop app starts and polls; a signed-in browser approves.
  startLogin: publicProcedure.input(startLoginInput).mutation(({ ctx, input }) => startLogin(ctx, input)),
  lookup: authedProcedure.input(userCodeInput).query(({ ctx, input }) => lookupLogin(ctx, input)),
  approve: authedProcedure.input(userCodeInput).mutation(({ ctx, input }) => approveLogin(ctx, input)),
  poll: publicProcedure.input(pollInput).mutation(({ ctx, input }) => pollLogin(ctx, input)),

  // The signed-in person's desktop tokens (never their hashes) and revoking one.
  tokens: authedProcedure.query(({ ctx }) => listDesktopTokens(ctx)),
  revoke: authedProcedure.input(tokenIdInput).mutation(({ ctx, input }) => revokeDesktopToken(ctx, input)),
  // The desktop app's Sign out: revokes the token the request carries.
  signOut: authedProcedure.mutation(({ ctx }) => revokeCallingToken(ctx)),
});
