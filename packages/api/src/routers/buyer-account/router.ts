import { router, storefrontProcedure } from '../../trpc.ts';
import { me, requestPasswordReset, resendVerification, resetPassword, signIn, signOut, signUp, verifyEmail } from './accounts.ts';
import { createAddress, listAddresses, removeAddress, setDefaultAddress, updateAddress } from './addresses.ts';
import {
  addressCreateInput,
  addressIdInput,
  addressUpdateInput,
  deleteMyDataInput,
  requestPasswordResetInput,
  resendVerificationInput,
  resetPasswordInput,
  signInInput,
  signUpInput,
  verifyEmailInput,
} from './inputs.ts';
import { deleteMyData, exportMyData } from './my-data.ts';
import { orderHistory } from './orders.ts';
import { buyerProcedure } from './session.ts';

/**
 * A buyer's account at the store behind the request's Host (each store's accounts are its own). The web keeps the
 * session token signIn/signUp return in an HttpOnly cookie of that host and passes it as `sessionToken`; only its
 * SHA-256 is stored. A tenant admin's session plays no part here.
 */
export const buyerAccountRouter = router({
  signUp: storefrontProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx, input)),
  /** Rate-limited per IP and per account (TOO_MANY_REQUESTS says how long to wait). */
  signIn: storefrontProcedure.input(signInInput).mutation(({ ctx, input }) => signIn(ctx, input)),
  signOut: buyerProcedure.mutation(({ ctx }) => signOut(ctx)),
  verifyEmail: storefrontProcedure.input(verifyEmailInput).mutation(({ ctx, input }) => verifyEmail(ctx, input)),
  resendVerification: buyerProcedure.input(resendVerificationInput).mutation(({ ctx, input }) => resendVerification(ctx, input.language)),
  /** Same answer whether or not the email has an account here. */
  requestPasswordReset: storefrontProcedure.input(requestPasswordResetInput).mutation(({ ctx, input }) => requestPasswordReset(ctx, input)),
  resetPassword: storefrontProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => resetPassword(ctx, input)),
  me: buyerProcedure.query(({ ctx }) => me(ctx)),
  addresses: router({
    list: buyerProcedure.query(({ ctx }) => listAddresses(ctx)),
    create: buyerProcedure.input(addressCreateInput).mutation(({ ctx, input }) => createAddress(ctx, input.address)),
    update: buyerProcedure.input(addressUpdateInput).mutation(({ ctx, input }) => updateAddress(ctx, input.addressId, input.address)),
    setDefault: buyerProcedure.input(addressIdInput).mutation(({ ctx, input }) => setDefaultAddress(ctx, input.addressId)),
    remove: buyerProcedure.input(addressIdInput).mutation(({ ctx, input }) => removeAddress(ctx, input.addressId)),
  }),
  /** Orders of this store whose buyer email is the account's verified email, newest first. */
  orderHistory: buyerProcedure.query(({ ctx }) => orderHistory(ctx)),
  /** The account, its addresses and its orders as one JSON document. */
  exportMyData: buyerProcedure.query(({ ctx }) => exportMyData(ctx)),
  /** Needs the password: deletes the account and anonymises its orders, in one transaction, audited. */
  deleteMyData: buyerProcedure.input(deleteMyDataInput).mutation(({ ctx, input }) => deleteMyData(ctx, input)),
});
