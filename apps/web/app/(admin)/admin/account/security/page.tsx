import { redirect } from 'next/navigation';
import { Badge, Button, Card, PageHeader, Table } from '@vitrine/ui';
import { beginTwoFactorAction, cancelTwoFactorSetupAction, signOutEverywhereAction } from '../../../../../src/auth/security-actions.ts';
import { ConfirmTwoFactorForm, DisableTwoFactorForm, RegenerateRecoveryCodesForm, RevokeSessionButton, SignOutOthersButton } from '../../../../../src/auth/security-forms.tsx';
import { messagesFor } from '../../../../../src/i18n/request-locale.ts';
import { accountMessages } from '../../../../../src/i18n/messages/account.ts';
import { authMessages } from '../../../../../src/i18n/messages/auth.ts';
import { requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { getDb } from '../../../../../src/server/db.ts';
import { getEnv } from '../../../../../src/server/env.ts';
import { pendingSecret, unusedRecoveryCodes } from '../../../../../src/server/identity/two-factor.ts';
import { describeUserAgent } from '../../../../../src/server/identity/user-agent.ts';
import { listSessions } from '../../../../../src/server/sessions.ts';

export const metadata = { title: 'Account security · Vitrine' };

export default async function SecurityPage() {
  const user = await currentUser();
  if (!user) redirect('/login?next=/admin/account/security');
  const [t, locale] = await Promise.all([messagesFor(accountMessages), requestLocale()]);
  const db = getDb().platform;
  const [sessions, account] = await Promise.all([
    listSessions(db, user.id),
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true, totpSecretEnc: true } }),
  ]);
  const when = (date: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';
  const enrolment = account.totpEnabledAt ? null : await pendingSecret(db, getEnv().DATA_ENCRYPTION_KEYS, user.id);
  const recoveryLeft = account.totpEnabledAt ? await unusedRecoveryCodes(db, user.id) : 0;

  return (
    <main className="v-page">
      <PageHeader title={t.securityTitle} description={t.securityDescription} />

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t.sessionsTitle}</h2>
        <Card>
          <Table>
            <thead>
              <tr>
                <th scope="col">{t.device}</th>
                <th scope="col">{t.ip}</th>
                <th scope="col">{t.signedInAt}</th>
                <th scope="col">{t.lastSeen}</th>
                <th scope="col">{t.revoke}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => {
                const device = describeUserAgent(session.userAgent);
                const here = session.id === user.sessionId;
                return (
                  <tr key={session.id} data-session-id={session.id}>
                    <td>
                      {device} {here ? <Badge tone="success">{t.thisBrowser}</Badge> : null}
                    </td>
                    <td>{session.ip ?? '—'}</td>
                    <td>{when(session.createdAt)}</td>
                    <td>{when(session.lastSeenAt)}</td>
                    <td>{here ? null : <RevokeSessionButton sessionId={session.id} label={t.revoke} accessibleLabel={t.revokeLabel(`${device}, ${session.ip ?? ''}`)} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', marginTop: 16 }}>
            <SignOutOthersButton label={t.signOutOthers} />
            <form action={signOutEverywhereAction}>
              <Button type="submit" variant="secondary">
                {t.signOutEverywhere}
              </Button>
            </form>
          </div>
        </Card>
      </section>

      <section aria-labelledby="two-factor-title">
        <h2 id="two-factor-title">{t.twoFactorTitle}</h2>
        <Card>
          {account.totpEnabledAt ? (
            <>
              <p>{t.twoFactorOn(when(account.totpEnabledAt))}</p>
              <p>{t.recoveryLeft(recoveryLeft)}</p>
              <h3>{t.regenerateTitle}</h3>
              <p>{t.regenerateHelp}</p>
              <RegenerateRecoveryCodesForm
                t={{
                  currentCode: t.currentCode,
                  regenerate: t.regenerate,
                  regenerating: t.regenerating,
                  recoveryTitle: t.recoveryTitle,
                  recoveryHelp: t.recoveryHelp,
                  done: authMessages[locale].done,
                }}
              />
              <h3>{t.disableTitle}</h3>
              <DisableTwoFactorForm t={{ currentPassword: t.currentPassword, currentCode: t.currentCode, turnOff: t.turnOff, turningOff: t.turningOff }} />
            </>
          ) : enrolment ? (
            <>
              <p>{t.scanQr}</p>
              <img src={enrolment.qrDataUrl} alt={t.qrAlt} width={240} height={240} />
              <p>
                {t.secretKey}: <code data-testid="totp-secret">{enrolment.secret}</code>
              </p>
              <ConfirmTwoFactorForm t={{ confirmCode: t.confirmCode, turnOn: t.turnOn, turningOn: t.turningOn, recoveryTitle: t.recoveryTitle, recoveryHelp: t.recoveryHelp, done: authMessages[locale].done }} />
              <form action={cancelTwoFactorSetupAction} style={{ marginTop: 12 }}>
                <Button type="submit" variant="secondary">
                  {t.cancelSetUp}
                </Button>
              </form>
            </>
          ) : (
            <>
              <p>{t.twoFactorOff}</p>
              <form action={beginTwoFactorAction}>
                <Button type="submit">{t.setUp}</Button>
              </form>
            </>
          )}
        </Card>
      </section>
    </main>
  );
}
