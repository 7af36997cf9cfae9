import { z } from 'zod';
import { TOKEN_PATTERN } from '../../commerce/tokens.ts';
import { addressSchema, emailSchema } from '../cart/inputs.ts';

/** The storefront's languages: the buyer's emails are written in the one they browse in. */
export const BUYER_LANGUAGES = ['pt-BR', 'en', 'es'] as const;
export type BuyerLanguage = (typeof BUYER_LANGUAGES)[number];

const language = z.enum(BUYER_LANGUAGES).optional();

/** The buyer's session token (the web keeps it in an HttpOnly cookie of the store's host). */
export const sessionInput = z.object({
  sessionToken: z.string().trim().regex(TOKEN_PATTERN, 'Please sign in to continue.'),
});

const newPassword = z.string().min(10, 'Use at least 10 characters for your password').max(200, 'Use at most 200 characters for your password');
const currentPassword = z.string().min(1, 'Enter your password').max(200, 'The email or password is not correct.');
const name = z.string().trim().min(1, 'Enter your name').max(120, 'Use at most 120 characters for your name');
const phone = z
  .string()
  .trim()
  .max(30, 'Use at most 30 characters for the phone number')
  .regex(/^\+?[0-9 ().-]*$/, 'Enter a phone number with digits only, like +55 11 99999 0000')
  .optional()
  .transform((v) => (v ? v : undefined));

export const signUpInput = z.object({ email: emailSchema, password: newPassword, name, phone, language });
export const signInInput = z.object({ email: emailSchema, password: currentPassword });

/** A one-time link's token (verification, password reset). */
const emailToken = z.string().trim().regex(TOKEN_PATTERN, 'This link is not valid. Ask for a new one.');
export const verifyEmailInput = z.object({ token: emailToken });
export const requestPasswordResetInput = z.object({ email: emailSchema, language });
export const resetPasswordInput = z.object({ token: emailToken, password: newPassword });
export const resendVerificationInput = sessionInput.extend({ language });

/** A saved address: where to deliver and who receives it. */
export const addressFields = addressSchema.extend({ name, phone, isDefault: z.boolean().optional() });
const addressId = z.string().trim().min(1, 'Choose an address').max(64, 'This address does not exist.');
export const addressCreateInput = sessionInput.extend({ address: addressFields });
export const addressUpdateInput = sessionInput.extend({ addressId, address: addressFields });
export const addressIdInput = sessionInput.extend({ addressId });

export const deleteMyDataInput = sessionInput.extend({
  password: currentPassword,
  /** The buyer ticked "I understand my account is deleted for good". */
  confirm: z.literal(true, { error: 'Confirm that you want to delete your account and data.' }),
});

export type SignUpInput = z.infer<typeof signUpInput>;
export type SignInInput = z.infer<typeof signInInput>;
export type VerifyEmailInput = z.infer<typeof verifyEmailInput>;
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInput>;
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;
export type AddressFields = z.infer<typeof addressFields>;
export type DeleteMyDataInput = z.infer<typeof deleteMyDataInput>;
