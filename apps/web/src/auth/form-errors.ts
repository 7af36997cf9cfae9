import { z } from 'zod';
import type { InvitationRefusalReason } from '@vitrine/api';
import type { AuthErrorCode, AuthErrorMessages } from '../i18n/messages/auth-errors.ts';

/**
 * The sign-in forms' checks. Their messages are codes of authErrorMessages, not sentences, so the action that
 * runs them answers in the visitor's language (fieldErrorsOf).
 */
const code = (value: AuthErrorCode) => value;

export const emailSchema = z.email(code('emailInvalid')).max(254, code('emailTooLong'));

const newPasswordSchema = z.string().min(10, code('passwordTooShort')).max(200, code('passwordTooLong'));
export const newPasswordFormSchema = z.object({ password: newPasswordSchema });

export const signupSchema = z.object({
  name: z.string().trim().min(1, code('nameMissing')).max(100, code('nameTooLong')),
  email: emailSchema,
  password: newPasswordSchema,
});

const isCode = (t: AuthErrorMessages, value: string): value is AuthErrorCode => typeof t[value as AuthErrorCode] === 'string';

/** The first problem of each field, as a sentence of `t` (an issue without a code — a bug — keeps zod's words). */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[], t: AuthErrorMessages): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[issue.path.map(String).join('.')] ??= isCode(t, issue.message) ? t[issue.message] : issue.message;
  return fieldErrors;
}

/** The email field's error code for a sign-in or emailed-link form, or null when the address looks right. */
export function emailProblem(email: string): AuthErrorCode | null {
  if (!email) return 'emailMissing';
  const parsed = emailSchema.safeParse(email);
  return parsed.success ? null : (parsed.error.issues[0]!.message as AuthErrorCode);
}

const REFUSALS: Record<InvitationRefusalReason, AuthErrorCode> = {
  UNKNOWN: 'invitationUnknown',
  ACCEPTED: 'invitationAccepted',
  REVOKED: 'invitationRevoked',
  EXPIRED: 'invitationExpired',
  WRONG_ACCOUNT: 'invitationForSomeoneElse',
  ALREADY_MEMBER: 'alreadyMember',
};

/** The sentence for the reason the router gave for refusing an invitation (see invitationRefusalOf). */
export const invitationRefusalCode = (reason: InvitationRefusalReason): AuthErrorCode => REFUSALS[reason];

/**
 * Why an invitation link cannot be accepted, from its preview: the invitation's state, or the code of the
 * preview's refusal (NOT_FOUND for an unknown link or a closed store, BAD_REQUEST for a link cut short). Null
 * when it can be accepted, or when the refusal is of another kind (its own message is then shown).
 */
export function invitationProblem(answer: { status: 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED' } | { code: string }): AuthErrorCode | null {
  if ('status' in answer) return answer.status === 'PENDING' ? null : REFUSALS[answer.status];
  if (answer.code === 'NOT_FOUND') return REFUSALS.UNKNOWN;
  if (answer.code === 'BAD_REQUEST') return 'invitationMalformed';
  return null;
}
