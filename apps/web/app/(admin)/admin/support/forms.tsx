'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../../../../src/forms/action-form.tsx';
import { InlineActionForm } from '../../../../src/forms/inline-action-form.tsx';
import type { Locale } from '../../../../src/i18n/locale.ts';
import { supportMessages } from '../../../../src/i18n/messages/support.ts';
import { closeOrReopenAction, openTicketAction, replyAction } from './actions.ts';

const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;

/** A labelled textarea with its error beside it (announced with the field). */
export function TextArea({ id, name, label, error, defaultValue, rows = 6 }: { id: string; name: string; label: string; error?: string; defaultValue?: string; rows?: number }) {
  return (
    <div className={error ? 'v-field v-field--invalid' : 'v-field'}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} rows={rows} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error ? (
        <span id={`${id}-error`} className="v-field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function NewTicketForm({ locale }: { locale: Locale }) {
  const t = supportMessages[locale];
  return (
    <ActionForm action={openTicketAction} submitLabel={t.open} pendingLabel={t.opening}>
      {(state, err) => {
        const v = state.values ?? {};
        return (
          <>
            <Input label={t.subject} name="subject" maxLength={150} defaultValue={v.subject} error={err.subject} />
            <TextArea id="ticket-body" name="body" label={t.message} defaultValue={v.body} error={err.body} />
            <div className={err.priority ? 'v-field v-field--invalid' : 'v-field'}>
              <label htmlFor="ticket-priority">{t.priority}</label>
              <select id="ticket-priority" name="priority" defaultValue={v.priority || 'NORMAL'}>
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {t[p]}
                  </option>
                ))}
              </select>
              {err.priority ? <span className="v-field__error" role="alert">{err.priority}</span> : null}
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}

export function ReplyForm({ locale, ticketId }: { locale: Locale; ticketId: string }) {
  const t = supportMessages[locale];
  return (
    <ActionForm action={replyAction} submitLabel={t.send} pendingLabel={t.sending}>
      {(state, err) => (
        <>
          <input type="hidden" name="ticketId" value={ticketId} />
          <TextArea id="reply-body" name="body" label={t.replyLabel} defaultValue={state.values?.body} error={err.body} />
        </>
      )}
    </ActionForm>
  );
}

export function CloseOrReopen({ locale, ticketId, closed }: { locale: Locale; ticketId: string; closed: boolean }) {
  const t = supportMessages[locale];
  return (
    <InlineActionForm
      action={closeOrReopenAction}
      label={closed ? t.reopen : t.close}
      variant={closed ? 'secondary' : 'danger'}
      hidden={{ ticketId, intent: closed ? 'reopen' : 'close' }}
    />
  );
}
