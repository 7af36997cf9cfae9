import Link from 'next/link';
import { Card, EmptyState, PageHeader } from '@vitrine/ui';
import { AuthPage, authPageMetadata } from '../../../src/auth/auth-page.tsx';
import { invitationProblem } from '../../../src/auth/form-errors.ts';
import { authErrorMessages } from '../../../src/i18n/messages/auth-errors.ts';
import { teamMessages } from '../../../src/i18n/messages/team.ts';
import { requestLocale } from '../../../src/i18n/request-locale.ts';
import { load } from '../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../src/server/auth.ts';
import { serverCaller } from '../../../src/server/caller.ts';
import { AcceptInvitationForm } from '../../../src/team/accept-form.tsx';

export const generateMetadata = authPageMetadata((t) => t.invitationPageTitle);

/**
 * Where an invitation email leads: the store and the invited email; the invited person (signed in with that
 * email) accepts; anyone else is told what to do. Expired, revoked and unknown links get their sentence.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await params).token);
  const locale = await requestLocale();
  const t = teamMessages[locale];
  const [preview, user] = await Promise.all([load(async () => (await serverCaller({ activeTenantId: null })).team.invitation.preview({ token })), currentUser()]);

  // The router's refusals are English: say them in the visitor's language from the invitation's state or the
  // refusal's code (a malformed link fails the input check, whose message is meant for fields).
  const problem = invitationProblem(preview.error === null ? preview.data : preview);
  if (preview.error !== null || problem) {
    const sentence = problem ? authErrorMessages[locale][problem] : preview.error;
    return (
      <AuthPage maxWidth={560}>
        <EmptyState title={t.invalidTitle}>
          <span data-testid="invitation-problem">{sentence}</span>
        </EmptyState>
      </AuthPage>
    );
  }
  const invitation = preview.data;
  const here = `/invitations/${encodeURIComponent(token)}`;
  return (
    <AuthPage maxWidth={560}>
      <PageHeader title={t.acceptTitle} description={t.acceptIntro(invitation.storeName, t[invitation.role].toLowerCase())} />
      <Card>
        <p>{t.invitedEmail(invitation.email)}</p>
        {!user ? (
          <>
            <p>
              <Link className="v-button" href={`/login?next=${encodeURIComponent(here)}`}>
                {t.signInToAccept}
              </Link>
            </p>
            <p>
              <Link href={`/signup?next=${encodeURIComponent(here)}`}>{t.signUpToAccept}</Link>. {t.signUpThenReturn}
            </p>
          </>
        ) : user.email.toLowerCase() !== invitation.email ? (
          <p className="v-alert" role="alert" data-testid="invitation-problem">
            {t.wrongAccount(invitation.email, user.email)}
          </p>
        ) : (
          <AcceptInvitationForm token={token} label={t.accept} pendingLabel={t.accepting} />
        )}
      </Card>
    </AuthPage>
  );
}
