'use client';
import { Input } from '@vitrine/ui';
import type { Locale } from '../i18n/locale.ts';
import { ordersMessages } from '../i18n/messages/orders.ts';
import { cancelOrderAction, deliverOrderAction, refundOrderAction, shipOrderAction } from './actions.ts';
import { ConfirmActionForm } from './confirm-action-form.tsx';

interface OrderRef {
  locale: Locale;
  id: string;
}

function common(locale: Locale) {
  const t = ordersMessages[locale];
  return { confirmLabel: t.confirm, keepLabel: t.keep, pendingLabel: t.working };
}

export function ShipForm({ locale, id }: OrderRef) {
  const t = ordersMessages[locale];
  return (
    <ConfirmActionForm action={shipOrderAction} label={t.ship} question={t.shipConfirm} hidden={{ id }} testId="ship-form" {...common(locale)}>
      {(state, err) => (
        <>
          <p>{t.shipHelp}</p>
          <div className="v-row">
            <Input label={t.carrier} name="carrier" id="ship-carrier" maxLength={80} defaultValue={state.values?.carrier} error={err.carrier} />
            <Input label={t.trackingNumber} name="trackingNumber" id="ship-tracking" maxLength={100} defaultValue={state.values?.trackingNumber} error={err.trackingNumber} />
          </div>
        </>
      )}
    </ConfirmActionForm>
  );
}

export function DeliverForm({ locale, id }: OrderRef) {
  const t = ordersMessages[locale];
  return <ConfirmActionForm action={deliverOrderAction} label={t.deliver} question={t.deliverConfirm} hidden={{ id }} testId="deliver-form" {...common(locale)} />;
}

export function CancelForm({ locale, id }: OrderRef) {
  const t = ordersMessages[locale];
  return (
    <ConfirmActionForm action={cancelOrderAction} label={t.cancel} question={t.cancelConfirm} variant="danger" hidden={{ id }} testId="cancel-form" {...common(locale)}>
      {(state, err) => (
        <>
          <p>{t.cancelHelp}</p>
          <Input label={t.cancelReason} name="reason" id="cancel-reason" maxLength={500} defaultValue={state.values?.reason} error={err.reason} />
        </>
      )}
    </ConfirmActionForm>
  );
}

export function RefundForm({ locale, id, currency, refundableText }: OrderRef & { currency: string; refundableText: string }) {
  const t = ordersMessages[locale];
  return (
    <ConfirmActionForm action={refundOrderAction} label={t.refundAction} question={t.refundConfirm} variant="danger" hidden={{ id, currency }} testId="refund-form" {...common(locale)}>
      {(state, err) => (
        <>
          <p>
            {t.refundHelp} {t.refundable}: <strong>{refundableText}</strong>
          </p>
          <Input label={`${t.refundAmount} (${currency})`} name="amount" id="refund-amount" inputMode="decimal" placeholder={refundableText} defaultValue={state.values?.amount} error={err.amount} />
        </>
      )}
    </ConfirmActionForm>
  );
}
