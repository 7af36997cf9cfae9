import { messagesFor } from '../i18n/request-locale.ts';
import { accountMessages } from '../i18n/messages/account.ts';
import { authMessages } from '../i18n/messages/auth.ts';
import { VerifyEmailNotice } from './verify-email-notice.tsx';

/** In signed-in layouts: nothing once the address is confirmed, else the notice with "send the link again". */
export async function VerifyEmailBanner({ user }: { user: { email: string; emailVerified: Date | null } }) {
  if (user.emailVerified) return null;
  const [t, { emailVerification }] = await Promise.all([messagesFor(accountMessages), messagesFor(authMessages)]);
  return <VerifyEmailNotice text={t.unverified(user.email)} t={{ resend: t.resend, resending: t.resending, label: emailVerification }} />;
}
