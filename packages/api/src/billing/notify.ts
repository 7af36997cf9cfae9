import type { Prisma } from '@vitrine/db';
import { renderEmail, type EmailLocale } from '@vitrine/mail/layout';
import { enqueueInTransaction } from '@vitrine/queue';
import { audit, type AuditActor } from '../audit.ts';
import { storeEmailBrand } from '../partners/emails.ts';
import type { BillingChange } from './state.ts';

/**
 * Every billing change is written to the store's audit log and emailed to its owners, in the store's language,
 * in the transaction that makes the change (the email job is an outbox row: sent once it commits).
 */

const AUDIT_ACTION: Record<BillingChange['kind'], string> = {
  started: 'billing.subscription.started',
  activated: 'billing.subscription.activated',
  plan_changed: 'billing.plan.changed',
  past_due: 'billing.past_due',
  restricted: 'billing.restricted',
  restored: 'billing.restored',
  cancel_scheduled: 'billing.cancel.scheduled',
  cancel_undone: 'billing.cancel.undone',
  ended: 'billing.subscription.ended',
};

export const billingAuditAction = (kind: BillingChange['kind']) => AUDIT_ACTION[kind];

const day = (date: Date, locale: EmailLocale) => date.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

interface Wording {
  title: string;
  intro: string[];
}

type Names = (code: string) => string;

const TEXT: Record<EmailLocale, { open: string; subject: (store: string, title: string) => string; change: (c: BillingChange, plan: Names, brand: string) => Wording }> = {
  en: {
    open: 'Open your plan and billing page',
    subject: (store, title) => `${store}: ${title}`,
    change: (c, plan, brand) => {
      switch (c.kind) {
        case 'started':
          return {
            title: `Your ${plan(c.plan)} subscription has started`,
            intro: [c.trialEnd ? `Your store is on ${plan(c.plan)}. The trial ends on ${day(c.trialEnd, 'en')}; the first payment is taken then.` : `Your store is on ${plan(c.plan)}.`],
          };
        case 'activated':
          return { title: `Your ${plan(c.plan)} subscription is active`, intro: ['The first payment went through. Thank you!'] };
        case 'plan_changed':
          return { title: `Your plan changed to ${plan(c.to)}`, intro: [`Your store moved from ${plan(c.from)} to ${plan(c.to)}. The difference for the rest of this period is on your next invoice.`] };
        case 'past_due':
          return {
            title: 'Your subscription payment failed',
            intro: [
              `We could not charge your card for your ${brand} plan.`,
              `Your store keeps working until ${day(c.graceEndsAt, 'en')}. After that its admin becomes read-only until the invoice is paid. Update your card or pay the invoice on your billing page.`,
            ],
          };
        case 'restricted':
          return {
            title: 'Your store admin is now read-only',
            intro: ['Your subscription is still unpaid after the grace period. Your storefront keeps selling, but changes in the admin are blocked until the open invoice is paid.', 'Pay it from your billing page (Manage payment) and everything is unlocked at once.'],
          };
        case 'restored':
          return { title: 'Payment received: your store is back to normal', intro: ['Your invoice is paid and every part of the admin works again.'] };
        case 'cancel_scheduled':
          return { title: 'Your subscription will end', intro: [c.endsAt ? `Your subscription ends on ${day(c.endsAt, 'en')}; your store then moves to the Free plan. You can resume it until then.` : 'Your subscription ends at the end of this period; your store then moves to the Free plan.'] };
        case 'cancel_undone':
          return { title: 'Your subscription continues', intro: ['The cancellation was undone: your subscription renews as before.'] };
        case 'ended':
          return { title: 'Your subscription has ended', intro: [`Your ${plan(c.from)} subscription ended and your store is now on the Free plan.`] };
      }
    },
  },
  'pt-BR': {
    open: 'Abrir a página de plano e cobrança',
    subject: (store, title) => `${store}: ${title}`,
    change: (c, plan, brand) => {
      switch (c.kind) {
        case 'started':
          return {
            title: `Sua assinatura do plano ${plan(c.plan)} começou`,
            intro: [c.trialEnd ? `Sua loja está no plano ${plan(c.plan)}. O período de teste termina em ${day(c.trialEnd, 'pt-BR')}; a primeira cobrança é feita nessa data.` : `Sua loja está no plano ${plan(c.plan)}.`],
          };
        case 'activated':
          return { title: `Sua assinatura do plano ${plan(c.plan)} está ativa`, intro: ['O primeiro pagamento foi aprovado. Obrigado!'] };
        case 'plan_changed':
          return { title: `Seu plano mudou para ${plan(c.to)}`, intro: [`Sua loja passou do plano ${plan(c.from)} para o ${plan(c.to)}. A diferença pelo resto deste período vem na próxima fatura.`] };
        case 'past_due':
          return {
            title: 'O pagamento da sua assinatura falhou',
            intro: [
              `Não conseguimos cobrar o seu cartão pelo plano da ${brand}.`,
              `Sua loja continua funcionando até ${day(c.graceEndsAt, 'pt-BR')}. Depois disso o painel fica somente leitura até a fatura ser paga. Atualize o cartão ou pague a fatura na página de cobrança.`,
            ],
          };
        case 'restricted':
          return {
            title: 'O painel da sua loja agora é somente leitura',
            intro: ['Sua assinatura continua em aberto depois do período de carência. A vitrine continua vendendo, mas alterações no painel ficam bloqueadas até a fatura em aberto ser paga.', 'Pague pela página de cobrança (Gerenciar pagamento) e tudo é liberado na hora.'],
          };
        case 'restored':
          return { title: 'Pagamento recebido: sua loja voltou ao normal', intro: ['Sua fatura foi paga e todo o painel voltou a funcionar.'] };
        case 'cancel_scheduled':
          return { title: 'Sua assinatura vai terminar', intro: [c.endsAt ? `Sua assinatura termina em ${day(c.endsAt, 'pt-BR')}; depois a loja passa para o plano Free. Você pode retomá-la até lá.` : 'Sua assinatura termina no fim deste período; depois a loja passa para o plano Free.'] };
        case 'cancel_undone':
          return { title: 'Sua assinatura continua', intro: ['O cancelamento foi desfeito: sua assinatura se renova como antes.'] };
        case 'ended':
          return { title: 'Sua assinatura terminou', intro: [`Sua assinatura do plano ${plan(c.from)} terminou e a loja agora está no plano Free.`] };
      }
    },
  },
};

/** The language of the store's emails: Portuguese for a Portuguese store, else English. */
export const billingEmailLocale = (tenantLocale: string): EmailLocale => (tenantLocale.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en');

const auditData = (change: BillingChange): Prisma.InputJsonValue =>
  JSON.parse(JSON.stringify(change, (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value))) as Prisma.InputJsonValue;

/**
 * Records the changes in the store's audit log and emails each to the store's owners. `tx` is a platform
 * transaction in which app.tenant_id is the store (the audit log and memberships are row-level secured).
 */
export async function recordBillingChanges(
  tx: Prisma.TransactionClient,
  store: { id: string; name: string; locale: string },
  changes: readonly BillingChange[],
  actor: AuditActor,
  appUrl: string | null,
): Promise<void> {
  if (changes.length === 0) return;
  const plans = await tx.plan.findMany({ select: { code: true, name: true } });
  const planName: Names = (code) => plans.find((p) => p.code === code)?.name ?? code;
  const owners = await tx.membership.findMany({ where: { tenantId: store.id, role: 'OWNER' }, select: { user: { select: { email: true } } } });
  const locale = billingEmailLocale(store.locale);
  const t = TEXT[locale];
  const brand = await storeEmailBrand(tx, store.id, appUrl);
  const link = `${(brand.appUrl ?? '').replace(/\/$/, '')}/admin/billing`;
  for (const change of changes) {
    await audit(tx, actor, { tenantId: store.id, action: AUDIT_ACTION[change.kind], targetType: 'subscription', data: auditData(change) });
    const wording = t.change(change, planName, brand.name ?? 'Vitrine');
    const email = renderEmail({ title: wording.title, intro: wording.intro, action: { label: t.open, url: link } }, locale, brand.name);
    for (const owner of owners) {
      await enqueueInTransaction(tx, {
        queue: 'email',
        name: 'email.send',
        payload: { to: owner.user.email, ...email, subject: t.subject(store.name, wording.title).slice(0, 200), kind: `billing.${change.kind}`, tenantId: store.id },
        tenantId: store.id,
      });
    }
  }
}
