import { renderEmail, type EmailLocale } from '@vitrine/mail';
import { INVITATION_DAYS } from '../routers/team/tokens.ts';

/**
 * The address links in a partner's emails point at: the partner's admin domain on the web app's scheme and port,
 * so its clients stay under its brand; the web app's own address when the partner has no admin domain.
 */
export function partnerAppUrl(appUrl: string | null, adminDomain: string | null): string | null {
  if (!appUrl || !adminDomain) return appUrl;
  try {
    const url = new URL(appUrl);
    url.hostname = adminDomain;
    return url.origin;
  } catch {
    return appUrl;
  }
}

/**
 * How emails to a store's members present themselves: a partner's client store under the partner's product name
 * (header, footer and body) with links on its admin domain; any other store as Vitrine (name undefined).
 */
export async function storeEmailBrand(
  platform: { tenant: { findUnique(args: { where: { id: string }; select: { partner: { select: { productName: true; adminDomain: true } } } }): PromiseLike<{ partner: { productName: string; adminDomain: string | null } | null } | null> } },
  tenantId: string,
  appUrl: string | null,
): Promise<{ name: string | undefined; appUrl: string | null }> {
  const row = await platform.tenant.findUnique({ where: { id: tenantId }, select: { partner: { select: { productName: true, adminDomain: true } } } });
  const partner = row?.partner ?? null;
  return partner ? { name: partner.productName, appUrl: partnerAppUrl(appUrl, partner.adminDomain) } : { name: undefined, appUrl };
}

const WORDS = {
  en: {
    title: (store: string, brand: string) => `Your store ${store} is ready on ${brand}`,
    intro: (store: string, brand: string) => `${brand} opened the store ${store} for you and made you its owner.`,
    open: 'Accept the invitation',
    outro: (days: number) => `The link is valid for ${days} days. If you did not expect this email, you can ignore it.`,
    help: (email: string) => `Questions? Write to ${email}.`,
  },
  'pt-BR': {
    title: (store: string, brand: string) => `Sua loja ${store} está pronta na ${brand}`,
    intro: (store: string, brand: string) => `A ${brand} abriu a loja ${store} para você e fez de você a pessoa proprietária.`,
    open: 'Aceitar o convite',
    outro: (days: number) => `O link vale por ${days} dias. Se você não esperava este e-mail, pode ignorá-lo.`,
    help: (email: string) => `Dúvidas? Escreva para ${email}.`,
  },
} as const;

/** The owner's invitation to a store a partner opened: under the partner's brand, in the store's language. */
export function clientOwnerInvitationEmail(input: { storeName: string; brand: string; supportEmail: string; url: string; locale: string }) {
  const locale: EmailLocale = input.locale.startsWith('pt') ? 'pt-BR' : 'en';
  const w = WORDS[locale];
  return renderEmail(
    {
      title: w.title(input.storeName, input.brand).slice(0, 200),
      intro: [w.intro(input.storeName, input.brand)],
      action: { label: w.open, url: input.url },
      outro: [w.outro(INVITATION_DAYS), w.help(input.supportEmail)],
    },
    locale,
    input.brand,
  );
}
