import { useState } from 'react';
import type { AppStatus } from '../shared/bridge.ts';
import { errorMessage, useAccounts, useQuestions } from './bridge-client.ts';
import { t } from './i18n.ts';
import { OrdersPage } from './orders/orders-page.tsx';
import { Outbox } from './outbox.tsx';
import { QuestionQueue } from './questions/queue.tsx';
import { Templates } from './templates.tsx';

type Screen = 'questions' | 'orders' | 'outbox' | 'templates';

/** 'ready': the navigation with the account switcher, and the chosen screen. */
export function Workspace({ status }: { status: AppStatus }) {
  const [screen, setScreen] = useState<Screen>('questions');
  const [accountId, setAccountId] = useState<string | undefined>(undefined);
  const accounts = useAccounts();
  const questions = useQuestions(accountId);
  const outboxCount = status.outbox.pending + status.outbox.conflicts;

  const links: { screen: Screen; text: string; count?: number; countLabel?: string }[] = [
    { screen: 'questions', text: t.questions, count: questions.data?.length, countLabel: t.unansweredCount(questions.data?.length ?? 0) },
    { screen: 'orders', text: t.orders },
    { screen: 'outbox', text: t.outbox, count: outboxCount, countLabel: t.outboxCount(outboxCount) },
    { screen: 'templates', text: t.templates },
  ];

  return (
    <div className="workspace">
      <aside className="sidebar">
        <nav aria-label={t.mainNavigation}>
          <ul className="nav-list">
            {links.map((link) => (
              <li key={link.screen}>
                <button
                  type="button"
                  className="nav-link"
                  aria-current={screen === link.screen ? 'page' : undefined}
                  onClick={() => setScreen(link.screen)}
                  data-testid={`nav-${link.screen}`}
                >
                  <span>{link.text}</span>
                  {link.count ? (
                    <span className={`nav-count${link.screen === 'outbox' && status.outbox.conflicts > 0 ? ' nav-count--alert' : ''}`} title={link.countLabel}>
                      {link.count}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </nav>

        <div className="v-field account-switcher">
          <label htmlFor="account">{t.account}</label>
          <select id="account" value={accountId ?? ''} onChange={(event) => setAccountId(event.target.value || undefined)}>
            <option value="">{t.allAccounts}</option>
            {accounts.data?.map((account) => (
              <option key={account.id} value={account.id}>
                {account.status === 'ACTIVE' || !account.status
                  ? account.nickname
                  : t.accountNeedsAttention(account.nickname, t.accountStatus[account.status] ?? account.status.toLowerCase())}
              </option>
            ))}
          </select>
          {accounts.error ? (
            <span className="v-field__error" role="alert">
              {errorMessage(accounts.error)}
            </span>
          ) : null}
        </div>
      </aside>

      <main className="screen" id="screen">
        {screen === 'questions' ? (
          <QuestionQueue accountId={accountId} status={status} />
        ) : screen === 'orders' ? (
          <OrdersPage accountId={accountId} />
        ) : screen === 'outbox' ? (
          <Outbox />
        ) : (
          <Templates />
        )}
      </main>
    </div>
  );
}
