'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../forms/action-form.tsx';
import { InlineActionForm } from '../forms/inline-action-form.tsx';
import type { SettingsMessages } from '../i18n/messages/settings.ts';
import { deletePageAction, saveDetailsAction, saveLanguagesAction, savePageAction } from './actions.ts';

const LANGUAGES = [
  ['pt-BR', 'Português (Brasil)'],
  ['en', 'English'],
  ['es', 'Español'],
] as const;
export const CURRENCIES = ['BRL', 'USD', 'EUR', 'ARS', 'CLP', 'COP', 'MXN', 'PEN', 'UYU'] as const;

function FieldError({ message }: { message?: string | undefined }) {
  return message ? (
    <span className="v-field__error" role="alert">
      {message}
    </span>
  ) : null;
}

export function DetailsForm({ t, initial }: { t: SettingsMessages; initial: { name: string; email: string; phone: string; address: string } }) {
  return (
    <ActionForm action={saveDetailsAction} submitLabel={t.save} pendingLabel={t.saving}>
      {(state, err) => {
        const v = state.values ?? {};
        return (
          <>
            <div className="v-row">
              <Input label={t.name} name="name" defaultValue={v.name ?? initial.name} error={err.name} />
              <Input label={t.contactEmail} name="contact.email" type="email" defaultValue={v['contact.email'] ?? initial.email} error={err['contact.email']} />
              <Input label={t.phone} name="contact.phone" type="tel" defaultValue={v['contact.phone'] ?? initial.phone} error={err['contact.phone']} />
            </div>
            <div className={err['contact.address'] ? 'v-field v-field--invalid' : 'v-field'}>
              <label htmlFor="contact-address">{t.address}</label>
              <textarea id="contact-address" name="contact.address" rows={3} defaultValue={v['contact.address'] ?? initial.address} />
              <FieldError message={err['contact.address']} />
            </div>
            {state.savedAt ? <p role="status">{t.saved}</p> : null}
          </>
        );
      }}
    </ActionForm>
  );
}

export function LanguagesForm({ t, initial }: { t: SettingsMessages; initial: { locale: string; enabled: string[]; currency: string; display: string[] } }) {
  const currencies = CURRENCIES.includes(initial.currency as (typeof CURRENCIES)[number]) ? CURRENCIES : [initial.currency, ...CURRENCIES];
  return (
    <ActionForm action={saveLanguagesAction} submitLabel={t.save} pendingLabel={t.saving}>
      {(state, err) => {
        const v = state.values ?? {};
        return (
          <>
            <div className="v-row">
              <div className={err.locale ? 'v-field v-field--invalid' : 'v-field'}>
                <label htmlFor="settings-locale">{t.defaultLanguage}</label>
                <select id="settings-locale" name="locale" defaultValue={v.locale ?? initial.locale}>
                  {LANGUAGES.map(([code, label]) => (
                    <option key={code} value={code}>
                      {label}
                    </option>
                  ))}
                </select>
                <FieldError message={err.locale} />
              </div>
              <fieldset className="v-field" style={{ border: 0, padding: 0 }}>
                <legend>{t.alsoOffer}</legend>
                {LANGUAGES.map(([code, label]) => (
                  <label key={code} htmlFor={`lang-${code}`} style={{ marginRight: 12 }}>
                    <input id={`lang-${code}`} type="checkbox" name="enabledLocales" value={code} defaultChecked={initial.enabled.includes(code)} /> {label}
                  </label>
                ))}
                <FieldError message={err.enabledLocales} />
              </fieldset>
            </div>
            <div className="v-row">
              <div className={err.currency ? 'v-field v-field--invalid' : 'v-field'}>
                <label htmlFor="settings-currency">{t.baseCurrency}</label>
                <select id="settings-currency" name="currency" defaultValue={v.currency ?? initial.currency}>
                  {currencies.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
                <FieldError message={err.currency} />
              </div>
              <fieldset className="v-field" style={{ border: 0, padding: 0 }}>
                <legend>{t.displayCurrencies}</legend>
                {CURRENCIES.map((c) => (
                  <label key={c} htmlFor={`cur-${c}`} style={{ marginRight: 12 }}>
                    <input id={`cur-${c}`} type="checkbox" name="displayCurrencies" value={c} defaultChecked={initial.display.includes(c)} /> {c}
                  </label>
                ))}
                <FieldError message={err.displayCurrencies} />
              </fieldset>
            </div>
            {state.savedAt ? <p role="status">{t.saved}</p> : null}
          </>
        );
      }}
    </ActionForm>
  );
}

export interface PageDraft {
  slug: string;
  title: string;
  body: string;
  published: boolean;
  exists: boolean;
}

/** One institutional page: title, text, shown or not; a new custom page also asks for its address. */
export function PageForm({ t, page, storeHref }: { t: SettingsMessages; page: PageDraft; storeHref?: string }) {
  const id = page.slug || 'new';
  return (
    <div data-testid={`page-form-${id}`}>
      <ActionForm action={savePageAction} submitLabel={t.savePage} pendingLabel={t.saving}>
        {(state, err) => {
          const v = state.values ?? {};
          return (
            <>
              {page.slug ? (
                <input type="hidden" name="slug" value={page.slug} />
              ) : (
                <Input label={t.pageAddress} id={`page-${id}-slug`} name="slug" placeholder="shipping-times" defaultValue={v.slug} error={err.slug} />
              )}
              <Input label={t.pageTitle} id={`page-${id}-title`} name="title" defaultValue={v.title ?? page.title} error={err.title} />
              <div className={err.body ? 'v-field v-field--invalid' : 'v-field'}>
                <label htmlFor={`page-${id}-body`}>{t.pageBody}</label>
                <textarea id={`page-${id}-body`} name="body" rows={8} defaultValue={v.body ?? page.body} />
                <FieldError message={err.body} />
              </div>
              <div className="v-field">
                <label htmlFor={`page-${id}-published`}>
                  <input id={`page-${id}-published`} type="checkbox" name="published" defaultChecked={page.published} /> {t.published}
                </label>
              </div>
              {state.savedAt ? <p role="status">{t.saved}</p> : null}
            </>
          );
        }}
      </ActionForm>
      {page.exists ? (
        <p className="v-row">
          {storeHref ? <a href={storeHref}>{t.view}</a> : null}
          <InlineActionForm action={deletePageAction} label={t.deletePage} ariaLabel={`${t.deletePage} ${page.title}`} variant="danger" hidden={{ slug: page.slug }} />
        </p>
      ) : null}
    </div>
  );
}
