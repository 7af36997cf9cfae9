import Link from 'next/link';
import type { ReactNode } from 'react';
import { EmptyState, PageHeader } from '@vitrine/ui';
import { modulesMessages } from '../i18n/messages/modules.ts';
import { messagesFor } from '../i18n/request-locale.ts';
import { myModules } from './my-modules.ts';

/**
 * The pages of a module (a layout wraps them): the member sees them only when the module is on for the store and
 * not switched off for them; otherwise a page saying it is not available and why. The router refuses anyway.
 */
export async function ModuleGate({ module, children }: { module: string; children: ReactNode }) {
  const modules = await myModules();
  const state = modules?.get(module);
  if (!state || state.enabled) return <>{children}</>;
  const t = await messagesFor(modulesMessages);
  const why = state.storeEnabled ? t.unavailableMember : state.storeOverridden ? t.unavailableStore : t.unavailablePlan;
  return (
    <main className="v-page">
      <PageHeader title={state.name} />
      <EmptyState title={t.unavailableTitle} action={state.storeEnabled ? null : <Link href="/admin/billing">{t.seePlans}</Link>}>
        <span data-testid="module-unavailable">{why}</span>
      </EmptyState>
    </main>
  );
}
