import { defineMessages } from '../messages.ts';

/** The emails with a one-time link (src/server/identity/emails.ts), in the language of the person they go to. */
export const authEmailMessages = defineMessages({
  en: {
    verifyTitle: 'Confirm your email address',
    verifyIntro: 'Welcome to Vitrine. Confirm that this address is yours to finish setting up your account.',
    verifyAction: 'Confirm my email',
    verifyOutro: 'The link works once and expires in 24 hours. If you did not create a Vitrine account, ignore this email.',
    resetTitle: 'Reset your Vitrine password',
    resetIntro: 'Someone (hopefully you) asked to reset the password of your Vitrine account.',
    resetAction: 'Choose a new password',
    resetOutro: 'The link works once and expires in 30 minutes. Choosing a new password signs you out on every device.',
    resetIgnore: 'If you did not ask for this, ignore this email: your password stays as it is.',
    magicLinkTitle: 'Your Vitrine sign-in link',
    magicLinkIntro: 'Use the button below to sign in to Vitrine.',
    magicLinkAction: 'Sign in to Vitrine',
    magicLinkOutro: 'The link works once and expires in 15 minutes. If you did not ask for it, ignore this email.',
  },
  'pt-BR': {
    verifyTitle: 'Confirme seu e-mail',
    verifyIntro: 'Boas-vindas à Vitrine. Confirme que este e-mail é seu para terminar de configurar sua conta.',
    verifyAction: 'Confirmar meu e-mail',
    verifyOutro: 'O link funciona uma vez só e expira em 24 horas. Se você não criou uma conta na Vitrine, ignore este e-mail.',
    resetTitle: 'Redefina sua senha da Vitrine',
    resetIntro: 'Alguém (esperamos que você) pediu para redefinir a senha da sua conta na Vitrine.',
    resetAction: 'Escolher uma nova senha',
    resetOutro: 'O link funciona uma vez só e expira em 30 minutos. Escolher uma nova senha desconecta você de todos os dispositivos.',
    resetIgnore: 'Se você não pediu isso, ignore este e-mail: sua senha continua a mesma.',
    magicLinkTitle: 'Seu link de acesso à Vitrine',
    magicLinkIntro: 'Use o botão abaixo para entrar na Vitrine.',
    magicLinkAction: 'Entrar na Vitrine',
    magicLinkOutro: 'O link funciona uma vez só e expira em 15 minutos. Se você não o pediu, ignore este e-mail.',
  },
});
