import type { NoticeText } from '../../commerce/notifications/messages.ts';
import type { BuyerLanguage } from './inputs.ts';

/** What a buyer's account email is for. */
export type BuyerEmailKind = 'verify' | 'reset';

interface Facts {
  storeName: string;
  buyerName: string;
  /** How long the link works, in hours. */
  hours: number;
}

type Writer = (f: Facts) => NoticeText;

const hoursEn = (n: number) => (n === 1 ? '1 hour' : `${n} hours`);
const hoursPt = (n: number) => (n === 1 ? '1 hora' : `${n} horas`);
const hoursEs = (n: number) => (n === 1 ? '1 hora' : `${n} horas`);

/** The verification and password-reset emails in the storefront's three languages, signed with the store's name. */
const TEXTS: Record<BuyerLanguage, Record<BuyerEmailKind, Writer>> = {
  en: {
    verify: (f) => ({
      subject: `Confirm your email for ${f.storeName}`,
      title: 'Confirm your email',
      paragraphs: [`Hi ${f.buyerName},`, `Thanks for creating your account at ${f.storeName}. Confirm this email address to see your orders in your account.`, `The link works for ${hoursEn(f.hours)}.`],
      action: 'Confirm my email',
      footer: `${f.storeName}. If you did not create this account, ignore this email.`,
    }),
    reset: (f) => ({
      subject: `Reset your password at ${f.storeName}`,
      title: 'Reset your password',
      paragraphs: [`Hi ${f.buyerName},`, `Someone asked to reset the password of your account at ${f.storeName}. Choose a new one with the link below.`, `The link works for ${hoursEn(f.hours)} and only once.`],
      action: 'Choose a new password',
      footer: `${f.storeName}. If you did not ask for this, ignore this email: your password stays the same.`,
    }),
  },
  'pt-BR': {
    verify: (f) => ({
      subject: `Confirme seu e-mail na ${f.storeName}`,
      title: 'Confirme seu e-mail',
      paragraphs: [`Olá, ${f.buyerName}!`, `Obrigado por criar sua conta na ${f.storeName}. Confirme este endereço de e-mail para ver seus pedidos na sua conta.`, `O link vale por ${hoursPt(f.hours)}.`],
      action: 'Confirmar meu e-mail',
      footer: `${f.storeName}. Se você não criou esta conta, ignore este e-mail.`,
    }),
    reset: (f) => ({
      subject: `Redefina sua senha na ${f.storeName}`,
      title: 'Redefina sua senha',
      paragraphs: [`Olá, ${f.buyerName}!`, `Alguém pediu para redefinir a senha da sua conta na ${f.storeName}. Escolha uma nova pelo link abaixo.`, `O link vale por ${hoursPt(f.hours)} e uma única vez.`],
      action: 'Escolher uma nova senha',
      footer: `${f.storeName}. Se você não pediu isso, ignore este e-mail: sua senha continua a mesma.`,
    }),
  },
  es: {
    verify: (f) => ({
      subject: `Confirma tu correo en ${f.storeName}`,
      title: 'Confirma tu correo',
      paragraphs: [`Hola, ${f.buyerName}:`, `Gracias por crear tu cuenta en ${f.storeName}. Confirma esta dirección de correo para ver tus pedidos en tu cuenta.`, `El enlace vale por ${hoursEs(f.hours)}.`],
      action: 'Confirmar mi correo',
      footer: `${f.storeName}. Si no creaste esta cuenta, ignora este correo.`,
    }),
    reset: (f) => ({
      subject: `Restablece tu contraseña en ${f.storeName}`,
      title: 'Restablece tu contraseña',
      paragraphs: [`Hola, ${f.buyerName}:`, `Alguien pidió restablecer la contraseña de tu cuenta en ${f.storeName}. Elige una nueva con el enlace de abajo.`, `El enlace vale por ${hoursEs(f.hours)} y una sola vez.`],
      action: 'Elegir una nueva contraseña',
      footer: `${f.storeName}. Si no lo pediste, ignora este correo: tu contraseña sigue igual.`,
    }),
  },
};

export const buyerEmailText = (kind: BuyerEmailKind, language: BuyerLanguage, facts: Facts): NoticeText => TEXTS[language][kind](facts);
