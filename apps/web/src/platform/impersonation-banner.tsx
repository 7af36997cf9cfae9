import { platformTenantMessages } from '../i18n/messages/platform-tenants.ts';
import { messagesFor } from '../i18n/request-locale.ts';
import { currentImpersonation } from './current-impersonation.ts';
import { leaveImpersonationAction } from './impersonation-actions.ts';

const hhmm = (date: Date) => `${date.toISOString().slice(11, 16)} UTC`;

/** Shown on every admin page while platform staff are inside the store: who they see, how, until when; Leave. */
export async function ImpersonationBanner() {
  const impersonation = await currentImpersonation();
  if (!impersonation) return null;
  const t = await messagesFor(platformTenantMessages);
  return (
    <div role="status" data-testid="impersonation-banner" className="v-alert" style={{ display: 'flex', gap: 12, alignItems: 'center', justifyContent: 'space-between', margin: 0, borderRadius: 0 }}>
      <span>{t.banner(impersonation.tenant.name, t[impersonation.mode], hhmm(impersonation.expiresAt))}</span>
      <form action={leaveImpersonationAction}>
        <input type="hidden" name="tenantId" value={impersonation.tenant.id} />
        <button type="submit" className="v-button v-button--secondary">
          {t.leave}
        </button>
      </form>
    </div>
  );
}
