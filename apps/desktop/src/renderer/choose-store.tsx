import { Card } from '@vitrine/ui';
import type { AppStatus } from '../shared/bridge.ts';
import { useChooseStore } from './bridge-client.ts';
import { ErrorText } from './error-text.tsx';
import { t } from './i18n.ts';

/** 'choose-store': the person can open several stores; one of them is opened on this computer. */
export function ChooseStore({ status }: { status: AppStatus }) {
  const choose = useChooseStore();
  return (
    <main className="centered-screen">
      <Card className="choose-store">
        <h1>{t.chooseStoreTitle}</h1>
        <p>{t.chooseStoreIntro}</p>
        <ul className="store-list">
          {status.stores.map((store) => (
            <li key={store.id}>
              <button
                type="button"
                className="store-choice"
                onClick={() => choose.mutate(store.id)}
                disabled={choose.isPending}
                aria-busy={choose.isPending && choose.variables === store.id}
              >
                <span className="store-choice__name">{store.name}</span>
                <span className="muted">{store.slug}</span>
              </button>
            </li>
          ))}
        </ul>
        <ErrorText error={choose.error} />
      </Card>
    </main>
  );
}
