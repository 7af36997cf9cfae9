'use client';
import { useEffect, useRef, useState } from 'react';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../forms/action-form.tsx';
import type { Locale } from '../i18n/locale.ts';
import { setupMessages } from '../i18n/messages/setup.ts';
import { addDomainAction, checkSlugAction, identityAction, marketAction, productAction, shippingAction, stripeAction, themeAction } from './actions.ts';
import { logoUrlOf, uploadImage } from './uploads.ts';

type Field = { label: string; name: string; error?: string };

function Select({ label, name, error, options, value, onChange, defaultValue }: Field & {
  options: { value: string; label: string }[];
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
}) {
  const id = `field-${name}`;
  return (
    <div className={`v-field${error ? ' v-field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        defaultValue={value === undefined ? defaultValue : undefined}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <span id={`${id}-error`} className="v-field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

function ColorField({ label, name, error, defaultValue }: Field & { defaultValue: string }) {
  const id = `field-${name}`;
  return (
    <div className={`v-field${error ? ' v-field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="color" defaultValue={defaultValue} style={{ width: 64, height: 36, padding: 2 }} />
      {error ? (
        <span className="v-field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The store address with its availability checked while typing (400 ms after the last key). */
function SlugField({ label, error, defaultValue, platformDomain, locale }: { label: string; error?: string; defaultValue: string; platformDomain: string; locale: Locale }) {
  const t = setupMessages[locale];
  const [slug, setSlug] = useState(defaultValue);
  const [check, setCheck] = useState<{ slug: string; available: boolean; problem: string | null } | null>(null);
  useEffect(() => {
    if (!slug) return;
    let current = true;
    const timer = setTimeout(() => {
      checkSlugAction(slug).then((answer) => current && setCheck(answer), () => undefined);
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [slug]);
  const shown = check && check.slug === slug.trim().toLowerCase() ? check : null;
  const message = error ?? (shown && !shown.available ? shown.problem : null);
  return (
    <div className={`v-field${message ? ' v-field--invalid' : ''}`}>
      <label htmlFor="field-slug">{label}</label>
      <div className="v-row" style={{ alignItems: 'center', gap: 4 }}>
        <input
          id="field-slug"
          name="slug"
          value={slug}
          onChange={(e) => setSlug(e.target.value.toLowerCase())}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={message ? true : undefined}
          aria-describedby="field-slug-status"
          style={{ flex: 1 }}
        />
        <span>.{platformDomain}</span>
      </div>
      <span id="field-slug-status" role="status" aria-live="polite" className={message ? 'v-field__error' : undefined} data-testid="slug-status">
        {message ?? (shown?.available ? `✓ ${t.available}` : slug && !shown ? t.checking : '')}
      </span>
    </div>
  );
}

export interface IdentityDefaults {
  name: string;
  slug: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
}

export function IdentityForm({ locale, defaults, platformDomain }: { locale: Locale; defaults: IdentityDefaults; platformDomain: string }) {
  const t = setupMessages[locale];
  const [logoUrl, setLogoUrl] = useState(defaults.logoUrl ?? '');
  const [logoState, setLogoState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  return (
    <ActionForm action={identityAction} submitLabel={t.saveAndContinue} pendingLabel={t.saving}>
      {(state, errors) => (
        <>
          <Input label={t.storeName} name="name" defaultValue={state.values?.name ?? defaults.name} error={errors.name} required />
          <SlugField label={t.storeAddress} error={errors.slug} defaultValue={state.values?.slug ?? defaults.slug} platformDomain={platformDomain} locale={locale} />
          <div className={`v-field${logoState.error || errors.logoUrl ? ' v-field--invalid' : ''}`}>
            <label htmlFor="field-logo">{t.logo}</label>
            {logoUrl ? <img src={logoUrl} alt="" style={{ height: 56, width: 'auto', alignSelf: 'flex-start', border: '1px solid var(--border)', borderRadius: 6 }} /> : null}
            <input
              id="field-logo"
              type="file"
              accept="image/png,image/jpeg,image/webp,image/avif,image/gif"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setLogoState({ busy: true });
                try {
                  setLogoUrl(logoUrlOf(await uploadImage(file, 'logo')));
                  setLogoState({ busy: false });
                } catch (error) {
                  setLogoState({ busy: false, error: (error as Error).message });
                }
              }}
            />
            {logoState.busy ? <span role="status">{t.logoUploading}</span> : null}
            {logoState.error || errors.logoUrl ? (
              <span className="v-field__error" role="alert">
                {logoState.error ?? errors.logoUrl}
              </span>
            ) : null}
            {logoUrl ? (
              <button type="button" className="v-button v-button--secondary" style={{ alignSelf: 'flex-start' }} onClick={() => setLogoUrl('')}>
                {t.logoRemove}
              </button>
            ) : null}
            <input type="hidden" name="logoUrl" value={logoUrl} />
          </div>
          <div className="v-row">
            <ColorField label={t.primaryColor} name="primaryColor" defaultValue={state.values?.primaryColor ?? defaults.primaryColor} error={errors.primaryColor} />
            <ColorField label={t.accentColor} name="accentColor" defaultValue={state.values?.accentColor ?? defaults.accentColor} error={errors.accentColor} />
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** Theme choice with the live preview of the store in the theme being looked at (nothing saved until submit). */
export function ThemeForm({ locale, current, themes }: { locale: Locale; current: string; themes: readonly string[] }) {
  const t = setupMessages[locale];
  const [theme, setTheme] = useState(current);
  const label = (name: string) => (t as Record<string, string>)[`theme_${name}`] ?? name;
  return (
    <div className="setup-theme">
      <ActionForm action={themeAction} submitLabel={t.saveAndContinue} pendingLabel={t.saving}>
        {(_state, errors) => (
          <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
            <legend style={{ fontWeight: 600, marginBottom: 8 }}>{t.step_theme}</legend>
            {themes.map((name) => (
              <label key={name} style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 6 }}>
                <input type="radio" name="theme" value={name} checked={theme === name} onChange={() => setTheme(name)} />
                {label(name)}
              </label>
            ))}
            {errors.theme ? (
              <span className="v-field__error" role="alert">
                {errors.theme}
              </span>
            ) : null}
          </fieldset>
        )}
      </ActionForm>
      <StorePreview title={t.preview} theme={theme} />
    </div>
  );
}

/** The store as buyers will see it, served to its members only (works before publishing). */
export function StorePreview({ title, theme }: { title: string; theme?: string }) {
  const src = `/admin/setup/preview${theme ? `?theme=${encodeURIComponent(theme)}` : ''}`;
  return (
    <iframe
      title={title}
      src={src}
      data-testid="store-preview"
      style={{ width: '100%', height: 520, border: '1px solid var(--border)', borderRadius: 8, background: '#fff', marginTop: 12 }}
    />
  );
}

export interface MarketOption {
  value: string;
  label: string;
}

export function MarketForm({ locale, defaults, countries, currencies, languages, niches, defaultsByCountry }: {
  locale: Locale;
  defaults: { niche: string; country: string; currency: string; locale: string };
  countries: MarketOption[];
  currencies: MarketOption[];
  languages: MarketOption[];
  niches: MarketOption[];
  defaultsByCountry: Record<string, { currency: string; locale: string }>;
}) {
  const t = setupMessages[locale];
  const [country, setCountry] = useState(defaults.country);
  const [currency, setCurrency] = useState(defaults.currency);
  const [language, setLanguage] = useState(defaults.locale);
  return (
    <ActionForm action={marketAction} submitLabel={t.saveAndContinue} pendingLabel={t.saving}>
      {(_state, errors) => (
        <>
          <Select label={t.niche} name="niche" options={niches} defaultValue={defaults.niche} error={errors.niche} />
          <Select
            label={t.country}
            name="country"
            options={countries}
            value={country}
            error={errors.country}
            onChange={(value) => {
              setCountry(value);
              const d = defaultsByCountry[value];
              if (d) {
                setCurrency(d.currency);
                setLanguage(d.locale);
              }
            }}
          />
          <div className="v-row">
            <Select label={t.currency} name="currency" options={currencies} value={currency} onChange={setCurrency} error={errors.currency} />
            <Select label={t.language} name="locale" options={languages} value={language} onChange={setLanguage} error={errors.locale} />
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function ProductForm({ locale, currency }: { locale: Locale; currency: string }) {
  const t = setupMessages[locale];
  const [keys, setKeys] = useState<{ key: string; url: string }[]>([]);
  const [upload, setUpload] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const input = useRef<HTMLInputElement>(null);
  return (
    <ActionForm action={productAction} submitLabel={t.saveAndContinue} pendingLabel={t.saving}>
      {(state, errors) => (
        <>
          <input type="hidden" name="currency" value={currency} />
          <Input label={t.productTitle} name="title" defaultValue={state.values?.title} error={errors.title} required />
          <div className={`v-field${errors.description ? ' v-field--invalid' : ''}`}>
            <label htmlFor="field-description">{t.productDescription}</label>
            <textarea id="field-description" name="description" rows={3} defaultValue={state.values?.description} style={{ font: 'inherit', padding: 8, border: '1px solid var(--border)', borderRadius: 8 }} />
            {errors.description ? <span className="v-field__error" role="alert">{errors.description}</span> : null}
          </div>
          <div className="v-row">
            <Input label={`${t.price} (${currency})`} name="price" inputMode="decimal" defaultValue={state.values?.price} error={errors.price} />
            <Input label={t.stock} name="stock" inputMode="numeric" defaultValue={state.values?.stock ?? '10'} error={errors.stock} />
          </div>
          <div className="v-row">
            <Input label={t.option1} name="option1" defaultValue={state.values?.option1} error={errors.option1} />
            <Input label={t.option1Values} name="option1Values" defaultValue={state.values?.option1Values} error={errors.option1Values} />
          </div>
          <div className="v-row">
            <Input label={t.option2} name="option2" defaultValue={state.values?.option2} error={errors.option2} />
            <Input label={t.option2Values} name="option2Values" defaultValue={state.values?.option2Values} error={errors.option2Values} />
          </div>
          <div className={`v-field${upload.error ? ' v-field--invalid' : ''}`}>
            <label htmlFor="field-photos">{t.photos}</label>
            <input
              ref={input}
              id="field-photos"
              type="file"
              multiple
              accept="image/png,image/jpeg,image/webp,image/avif,image/gif"
              onChange={async (e) => {
                const files = [...(e.target.files ?? [])];
                if (!files.length) return;
                setUpload({ busy: true });
                try {
                  const stored: { key: string; url: string }[] = [];
                  for (const file of files) {
                    const image = await uploadImage(file, 'product');
                    stored.push({ key: image.key, url: image.renditions[0]!.url });
                  }
                  setKeys((k) => [...k, ...stored]);
                  setUpload({ busy: false });
                } catch (error) {
                  setUpload({ busy: false, error: (error as Error).message });
                }
                if (input.current) input.current.value = '';
              }}
            />
            {upload.busy ? <span role="status">{t.photosUploading}</span> : null}
            {upload.error ? <span className="v-field__error" role="alert">{upload.error}</span> : null}
            <div className="v-row">
              {keys.map((k) => (
                <img key={k.key} src={k.url} alt="" style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 6 }} />
              ))}
            </div>
            <input type="hidden" name="imageKeys" value={JSON.stringify(keys.map((k) => k.key))} />
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function StripeForm({ locale, saved }: { locale: Locale; saved: { publishableKey: string | null; secretKeyHint: string | null; webhookSecretSet?: boolean } }) {
  const t = setupMessages[locale];
  return (
    <ActionForm action={stripeAction} submitLabel={t.saveAndContinue} pendingLabel={t.saving}>
      {(state, errors) => (
        <>
          <Input label={t.publishableKey} name="publishableKey" placeholder="pk_test_…" autoComplete="off" defaultValue={state.values?.publishableKey ?? saved.publishableKey ?? ''} error={errors.publishableKey} />
          <Input label={t.secretKey} name="secretKey" type="password" placeholder={saved.secretKeyHint ?? 'sk_test_…'} autoComplete="off" error={errors.secretKey} />
          {saved.secretKeyHint ? (
            <p data-testid="secret-hint">
              {t.savedSecret}: <code>{saved.secretKeyHint}</code>
            </p>
          ) : null}
          <Input
            label={t.webhookSecret}
            name="webhookSecret"
            type="password"
            placeholder={saved.webhookSecretSet ? t.webhookSecretSaved : 'whsec_…'}
            autoComplete="off"
            error={errors.webhookSecret}
          />
          <p className="v-hint">{t.webhookSecretHint}</p>
        </>
      )}
    </ActionForm>
  );
}

export interface ShippingDefaults {
  basis: 'WEIGHT' | 'ORDER_VALUE';
  bands: { name: string; from: string; to: string; price: string }[];
  pickup: { name: string; price: string } | null;
}

export function ShippingForm({ locale, currency, defaults }: { locale: Locale; currency: string; defaults: ShippingDefaults }) {
  const t = setupMessages[locale];
  const [pickup, setPickup] = useState(!!defaults.pickup);
  return (
    <ActionForm action={shippingAction} submitLabel={t.saveAndContinue} pendingLabel={t.saving}>
      {(state, errors) => {
        const v = (name: string, fallback = '') => state.values?.[name] ?? fallback;
        return (
          <>
            <input type="hidden" name="currency" value={currency} />
            <Select
              label={t.basis}
              name="basis"
              defaultValue={v('basis', defaults.basis)}
              options={[
                { value: 'ORDER_VALUE', label: `${t.basis_ORDER_VALUE} (${currency})` },
                { value: 'WEIGHT', label: t.basis_WEIGHT },
              ]}
              error={errors.basis}
            />
            {[0, 1, 2].map((i) => {
              const d = defaults.bands[i];
              return (
                <fieldset key={i} className="v-row" style={{ border: 0, padding: 0, margin: 0 }}>
                  <legend className="v-sr-only" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{`${t.band} ${i + 1}`}</legend>
                  <Input label={`${t.band} ${i + 1} · ${t.bandName}`} name={`band${i}Name`} defaultValue={v(`band${i}Name`, d?.name)} error={errors[`band${i}Name`]} />
                  <Input label={t.bandFrom} name={`band${i}From`} inputMode="decimal" defaultValue={v(`band${i}From`, d?.from)} error={errors[`band${i}From`]} />
                  <Input label={t.bandTo} name={`band${i}To`} inputMode="decimal" defaultValue={v(`band${i}To`, d?.to)} error={errors[`band${i}To`]} />
                  <Input label={`${t.bandPrice} (${currency})`} name={`band${i}Price`} inputMode="decimal" defaultValue={v(`band${i}Price`, d?.price)} error={errors[`band${i}Price`]} />
                </fieldset>
              );
            })}
            <label style={{ display: 'flex', gap: 8, alignItems: 'center', margin: '8px 0' }}>
              <input type="checkbox" name="pickup" checked={pickup} onChange={(e) => setPickup(e.target.checked)} />
              {t.pickup}
            </label>
            {pickup ? (
              <div className="v-row">
                <Input label={t.pickupPlace} name="pickupName" defaultValue={v('pickupName', defaults.pickup?.name)} error={errors.pickupName} />
                <Input label={`${t.pickupPrice} (${currency})`} name="pickupPrice" inputMode="decimal" defaultValue={v('pickupPrice', defaults.pickup?.price ?? '0')} error={errors.pickupPrice} />
              </div>
            ) : null}
          </>
        );
      }}
    </ActionForm>
  );
}

export function DomainForm({ locale }: { locale: Locale }) {
  const t = setupMessages[locale];
  return (
    <ActionForm action={addDomainAction} submitLabel={t.addDomain} pendingLabel={t.adding}>
      {(state, errors) => <Input label={t.customDomain} name="hostname" placeholder="shop.example.com" defaultValue={state.values?.hostname} error={errors.hostname} />}
    </ActionForm>
  );
}
