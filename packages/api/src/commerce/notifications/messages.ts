import { formatMoney } from '../money.ts';

/** What a buyer is told about their order, and when. */
export type OrderNoticeKind = 'confirmation' | 'shipped' | 'refund';

export type NoticeLanguage = 'pt-BR' | 'en' | 'es';

/** The order's language (the one the buyer shopped in) as one of the three the notices are written in. */
export function noticeLanguageOf(locale: string): NoticeLanguage {
  if (locale.toLowerCase().startsWith('pt')) return 'pt-BR';
  if (locale.toLowerCase().startsWith('es')) return 'es';
  return 'en';
}

/** The facts a notice speaks of. */
export interface NoticeFacts {
  storeName: string;
  buyerName: string;
  number: number;
  currency: string;
  total: number;
  items: readonly { title: string; variantLabel: string; quantity: number }[];
  trackingUrl: string;
  carrier?: string | null;
  trackingNumber?: string | null;
  /** The refund this notice is about, and everything refunded so far. */
  refundAmount?: number;
  refundedAmount?: number;
}

export interface NoticeText {
  subject: string;
  title: string;
  paragraphs: string[];
  /** The button / link label for the tracking page. */
  action: string;
  footer: string;
}

type Writer = (f: NoticeFacts, money: (amount: number) => string) => NoticeText;

const itemLine = (i: NoticeFacts['items'][number]) => `${i.quantity} × ${i.title}${i.variantLabel ? ` (${i.variantLabel})` : ''}`;

const WRITERS: Record<NoticeLanguage, Record<OrderNoticeKind, Writer> & { footer: (store: string) => string }> = {
  en: {
    footer: (store) => `${store}. You received this email because you placed an order at ${store}.`,
    confirmation: (f, money) => ({
      subject: `${f.storeName}: order #${f.number} confirmed`,
      title: `Thank you, ${f.buyerName}! Your order #${f.number} is confirmed.`,
      paragraphs: [`We received your payment of ${money(f.total)}.`, ...f.items.map(itemLine), 'We will let you know when it ships.'],
      action: 'Follow your order',
      footer: '',
    }),
    shipped: (f) => ({
      subject: `${f.storeName}: order #${f.number} has shipped`,
      title: `Your order #${f.number} is on its way.`,
      paragraphs: [`Carrier: ${f.carrier ?? ''}`, `Tracking number: ${f.trackingNumber ?? ''}`],
      action: 'Follow your order',
      footer: '',
    }),
    refund: (f, money) => ({
      subject: `${f.storeName}: refund for order #${f.number}`,
      title: `We refunded ${money(f.refundAmount ?? 0)} for your order #${f.number}.`,
      paragraphs: [
        (f.refundedAmount ?? 0) >= f.total
          ? 'Your order has been refunded in full.'
          : `So far ${money(f.refundedAmount ?? 0)} of ${money(f.total)} has been refunded.`,
        'The money goes back to the card you paid with; your bank may take a few days to show it.',
      ],
      action: 'See your order',
      footer: '',
    }),
  },
  'pt-BR': {
    footer: (store) => `${store}. Você recebeu este e-mail porque fez um pedido em ${store}.`,
    confirmation: (f, money) => ({
      subject: `${f.storeName}: pedido #${f.number} confirmado`,
      title: `Obrigado, ${f.buyerName}! Seu pedido #${f.number} está confirmado.`,
      paragraphs: [`Recebemos seu pagamento de ${money(f.total)}.`, ...f.items.map(itemLine), 'Avisaremos quando ele for enviado.'],
      action: 'Acompanhar o pedido',
      footer: '',
    }),
    shipped: (f) => ({
      subject: `${f.storeName}: pedido #${f.number} enviado`,
      title: `Seu pedido #${f.number} está a caminho.`,
      paragraphs: [`Transportadora: ${f.carrier ?? ''}`, `Código de rastreio: ${f.trackingNumber ?? ''}`],
      action: 'Acompanhar o pedido',
      footer: '',
    }),
    refund: (f, money) => ({
      subject: `${f.storeName}: reembolso do pedido #${f.number}`,
      title: `Reembolsamos ${money(f.refundAmount ?? 0)} do seu pedido #${f.number}.`,
      paragraphs: [
        (f.refundedAmount ?? 0) >= f.total
          ? 'Seu pedido foi reembolsado por completo.'
          : `Até agora ${money(f.refundedAmount ?? 0)} de ${money(f.total)} foram reembolsados.`,
        'O valor volta para o cartão usado no pagamento; o banco pode levar alguns dias para mostrá-lo.',
      ],
      action: 'Ver o pedido',
      footer: '',
    }),
  },
  es: {
    footer: (store) => `${store}. Recibiste este correo porque hiciste un pedido en ${store}.`,
    confirmation: (f, money) => ({
      subject: `${f.storeName}: pedido #${f.number} confirmado`,
      title: `¡Gracias, ${f.buyerName}! Tu pedido #${f.number} está confirmado.`,
      paragraphs: [`Recibimos tu pago de ${money(f.total)}.`, ...f.items.map(itemLine), 'Te avisaremos cuando se envíe.'],
      action: 'Seguir el pedido',
      footer: '',
    }),
    shipped: (f) => ({
      subject: `${f.storeName}: pedido #${f.number} enviado`,
      title: `Tu pedido #${f.number} está en camino.`,
      paragraphs: [`Transportista: ${f.carrier ?? ''}`, `Número de seguimiento: ${f.trackingNumber ?? ''}`],
      action: 'Seguir el pedido',
      footer: '',
    }),
    refund: (f, money) => ({
      subject: `${f.storeName}: reembolso del pedido #${f.number}`,
      title: `Reembolsamos ${money(f.refundAmount ?? 0)} de tu pedido #${f.number}.`,
      paragraphs: [
        (f.refundedAmount ?? 0) >= f.total
          ? 'Tu pedido fue reembolsado por completo.'
          : `Hasta ahora se reembolsaron ${money(f.refundedAmount ?? 0)} de ${money(f.total)}.`,
        'El dinero vuelve a la tarjeta con la que pagaste; tu banco puede tardar unos días en mostrarlo.',
      ],
      action: 'Ver el pedido',
      footer: '',
    }),
  },
};

/** The notice's words in the order's language, amounts in the order's currency written the way that language does. */
export function noticeText(kind: OrderNoticeKind, language: NoticeLanguage, facts: NoticeFacts): NoticeText {
  const writers = WRITERS[language];
  const money = (amount: number) => formatMoney(amount, facts.currency, language);
  return { ...writers[kind](facts, money), footer: writers.footer(facts.storeName) };
}

/** The same notice as one short WhatsApp message. */
export function noticeWhatsAppText(text: NoticeText, trackingUrl: string): string {
  return [`*${text.title}*`, ...text.paragraphs, `${text.action}: ${trackingUrl}`].join('\n');
}
