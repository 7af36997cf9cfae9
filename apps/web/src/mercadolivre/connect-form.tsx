'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@vitrine/ui';
import { ML_SITES, type MlSiteId } from '@vitrine/mercadolivre/schemas';
import type { Locale } from '../i18n/locale.ts';
import { mercadolivreMessages } from '../i18n/messages/mercadolivre.ts';
import { useTRPC } from '../trpc/client.tsx';

const SITE_IDS = Object.keys(ML_SITES) as MlSiteId[];
const COUNTRY_NAMES: Record<Locale, Intl.DisplayNames> = {
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
  'pt-BR': new Intl.DisplayNames(['pt-BR'], { type: 'region' }),
};

/**
 * Starts the OAuth flow: the router keeps state and the PKCE verifier in Redis and answers with ML's
 * authorization URL, where the browser goes next. The callback route brings the seller back here.
 */
export function ConnectForm({ locale }: { locale: Locale }) {
  const t = mercadolivreMessages[locale];
  const trpc = useTRPC();
  const [siteId, setSiteId] = useState<MlSiteId>('MLB');
  const start = useMutation(trpc.mercadolivre.startConnection.mutationOptions({ onSuccess: ({ url }) => window.location.assign(url) }));
  return (
    <form
      className="v-row"
      onSubmit={(event) => {
        event.preventDefault();
        start.mutate({ siteId });
      }}
    >
      <div className="v-field" style={{ marginBottom: 0 }}>
        <label htmlFor="ml-site">{t.country}</label>
        <select id="ml-site" name="siteId" value={siteId} onChange={(event) => setSiteId(event.target.value as MlSiteId)}>
          {SITE_IDS.map((id) => (
            <option key={id} value={id}>
              {`${COUNTRY_NAMES[locale].of(ML_SITES[id].country) ?? ML_SITES[id].country} (${id})`}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" disabled={start.isPending || start.isSuccess}>
        {start.isPending || start.isSuccess ? t.openingMl : t.connectButton}
      </Button>
      {start.error ? (
        <p className="v-alert" role="alert" style={{ width: '100%' }}>
          {start.error.message}
        </p>
      ) : null}
    </form>
  );
}

/** For an account whose grant was revoked or expired: the same flow, on the account's own site. */
export function ReconnectButton({ siteId, nickname, locale }: { siteId: MlSiteId; nickname: string; locale: Locale }) {
  const t = mercadolivreMessages[locale];
  const trpc = useTRPC();
  const start = useMutation(trpc.mercadolivre.startConnection.mutationOptions({ onSuccess: ({ url }) => window.location.assign(url) }));
  return (
    <span>
      <Button onClick={() => start.mutate({ siteId })} disabled={start.isPending || start.isSuccess} aria-label={t.reconnectLabel(nickname)}>
        {start.isPending || start.isSuccess ? t.openingMl : t.reconnect}
      </Button>
      {start.error ? (
        <span className="v-field__error" role="alert">
          {' '}
          {start.error.message}
        </span>
      ) : null}
    </span>
  );
}
