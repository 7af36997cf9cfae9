import { TRPCError } from '@trpc/server';
import { redirect } from 'next/navigation';
import { Badge, Button, Card, EmptyState, Input, PageHeader, Table } from '@vitrine/ui';
import { revokeDesktopTokenAction } from '../../../../src/desktop/actions.ts';
import { ApproveDesktopForm } from '../../../../src/desktop/approve-form.tsx';
import { desktopMessages } from '../../../../src/i18n/messages/desktop.ts';
import { messagesFor, requestLocale } from '../../../../src/i18n/request-locale.ts';
import { currentUser } from '../../../../src/server/auth.ts';
import { serverCaller } from '../../../../src/server/caller.ts';

export async function generateMetadata() {
  return { title: (await messagesFor(desktopMessages)).metaTitle };
}

type Search = { code?: string; approved?: string };

const when = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '—');

/**
 * Where the desktop app sends people (its verificationUri): enter the code shown on the computer, see which
 * device asks, approve. Below, the person's signed-in desktop apps, each revocable.
 */
export default async function DesktopActivatePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { code, approved } = await searchParams;
  if (!(await currentUser())) {
    const back = code ? `/desktop/activate?code=${encodeURIComponent(code)}` : '/desktop/activate';
    redirect(`/login?next=${encodeURIComponent(back)}`);
  }
  const locale = await requestLocale();
  const t = desktopMessages[locale];
  const caller = await serverCaller();
  let pending: { userCode: string; deviceName: string } | null = null;
  let lookupError: string | null = null;
  if (code) {
    try {
      pending = await caller.desktop.lookup({ userCode: code });
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      lookupError = error.message;
    }
  }
  const tokens = await caller.desktop.tokens();

  return (
    <main className="v-page" style={{ maxWidth: 720 }}>
      <PageHeader title={t.title} description={t.description} />
      <Card>
        {approved ? (
          <p className="v-alert" role="status" data-testid="desktop-approved">
            {t.approved(approved)}
          </p>
        ) : null}
        {pending ? (
          <ApproveDesktopForm userCode={pending.userCode} deviceName={pending.deviceName} locale={locale} />
        ) : (
          <form method="get" action="/desktop/activate">
            {lookupError ? (
              <p className="v-alert" role="alert">
                {lookupError}
              </p>
            ) : null}
            <Input label={t.codeLabel} name="code" placeholder="XXXX-XXXX" defaultValue={code} autoComplete="off" autoCapitalize="characters" />
            <Button type="submit">{t.continue}</Button>
          </form>
        )}
      </Card>

      <h2>{t.computersHeading}</h2>
      {tokens.length === 0 ? (
        <EmptyState title={t.noComputers} />
      ) : (
        <Table data-testid="desktop-tokens">
          <thead>
            <tr>
              <th>{t.colComputer}</th>
              <th>{t.colSignedIn}</th>
              <th>{t.colLastUsed}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{when(token.createdAt)}</td>
                <td>{when(token.lastUsedAt)}</td>
                <td>
                  {token.revokedAt ? (
                    <Badge>{t.revoked(when(token.revokedAt))}</Badge>
                  ) : (
                    <form action={revokeDesktopTokenAction}>
                      <input type="hidden" name="tokenId" value={token.id} />
                      <Button type="submit" variant="danger" aria-label={t.revokeLabel(token.name)}>
                        {t.revoke}
                      </Button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </main>
  );
}
