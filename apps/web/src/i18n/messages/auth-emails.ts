import { defineMessages } from '../messages.ts';

/**
 * The emails with a one-time link (src/server/identity/emails.ts), in the language of the person they go to, under
 * the brand of the address they asked from (Vitrine, or a partner's product name on its admin domain).
 */
export const authEmailMessages = defineMessages({
  en: {
    verifyTitle: 'Confirm your email address',
    verifyIntro: (brand: string) => `Welcome to ${brand}. Confirm that this address is yours to finish setting up your account.`,
    verifyAction: 'Confirm my email',
    verifyOutro: (brand: string) => `The link works once and expires in 24 hours. If you did not create a ${brand} account, ignore this email.`,
    resetTitle: (brand: string) => `Reset your ${brand} password`,
    resetIntro: (brand: string) => `Someone (hopefully you) asked to reset the password of your ${brand} account.`,
    resetAction: 'Choose a new password',
    resetOutro: 'The link works once and expires in 30 minutes. Choosing a new password signs you out on every device.',
    resetIgnore: 'If you did not ask for this, ignore this email: your password stays as it is.',
    magicLinkTitle: (brand: string) => `Your ${brand} sign-in link`,
    magicLinkIntro: (brand: string) => `Use the button below to sign in to ${brand}.`,
    magicLinkAction: (brand: string) => `Sign in to ${brand}`,
    magicLinkOutro: 'The link works once and expires in 15 minutes. If you did not ask for it, ignore this email.',
  },
  'pt-BR': {
    verifyTitle: 'Confirme seu e-mail',
    verifyIntro: (brand: string) => `Boas-vindas à ${brand}. Confirme que este e-mail é seu para terminar de configurar sua conta.`,
    verifyAction: 'Confirmar meu e-mail',
    verifyOutro: (brand: string) => `O link funciona uma vez só e expira em 24 horas. Se você não criou uma conta na ${brand}, ignore este e-mail.`,
    resetTitle: (brand: string) => `Redefina sua senha da ${brand}`,
    resetIntro: (brand: string) => `Alguém (esperamos que você) pediu para redefinir a senha da sua conta na ${brand}.`,
    resetAction: 'Escolher uma nova senha',
    resetOutro: 'O link funciona uma vez só e expira em 30 minutos. Escolher uma nova senha desconecta você de todos os dispositivos.',
    resetIgnore: 'Se você não pediu isso, ignore este e-mail: sua senha continua a mesma.',
    magicLinkTitle: (brand: string) => `Seu link de acesso à ${brand}`,
    magicLinkIntro: (brand: string) => `Use o botão abaixo para entrar na ${brand}.`,
    magicLinkAction: (brand: string) => `Entrar na ${brand}`,
    magicLinkOutro: 'O link funciona uma vez só e expira em 15 minutos. Se você não o pediu, ignore este e-mail.',
  },
});
