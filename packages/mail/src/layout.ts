/** The pieces of a transactional email; `renderEmail` turns them into matching HTML and plain text. */
export interface EmailContent {
  /** Shown as the heading and used as the subject. */
  title: string;
  /** Paragraphs before the button. */
  intro: string[];
  action?: { label: string; url: string };
  /** Paragraphs after the button (expiry, "you can ignore this email"…). */
  outro?: string[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The languages the layout's own sentences (the footer, the button's fallback) are written in. */
export type EmailLocale = 'en' | 'pt-BR';

const LAYOUT: Record<EmailLocale, { footer: string; brandedFooter: (brand: string) => string; buttonFallback: string }> = {
  en: {
    footer: 'Vitrine — commerce for independent stores. You received this email because of an action on your Vitrine account.',
    brandedFooter: (brand) => `${brand}. You received this email because of an action on your ${brand} account.`,
    buttonFallback: 'If the button does not work, open this link:',
  },
  'pt-BR': {
    footer: 'Vitrine — comércio para lojas independentes. Você recebeu este e-mail por causa de uma ação na sua conta Vitrine.',
    brandedFooter: (brand) => `${brand}. Você recebeu este e-mail por causa de uma ação na sua conta ${brand}.`,
    buttonFallback: 'Se o botão não funcionar, abra este link:',
  },
};

/**
 * A branded header, the paragraphs, one button link (also written out in full), and a footer; the layout's own
 * sentences in `locale` (the content comes already written in it). `brand` replaces "Vitrine" in the header and
 * the footer (a partner's product name, for the members of its stores).
 */
export function renderEmail(content: EmailContent, locale: EmailLocale = 'en', brand?: string): RenderedEmail {
  const { buttonFallback } = LAYOUT[locale];
  const footer = brand ? LAYOUT[locale].brandedFooter(brand) : LAYOUT[locale].footer;
  const paragraph = (p: string) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(p)}</p>`;
  const button = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#111827;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#4b5563">${escapeHtml(buttonFallback)} <a href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.url)}</a></p>`
    : '';
  const html = `<!doctype html><html><body style="margin:0;background:#f3f4f6;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111827">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="background:#ffffff;border-radius:8px">
<tr><td style="padding:20px 28px;border-bottom:1px solid #e5e7eb;font-weight:700;font-size:18px">${escapeHtml(brand ?? 'Vitrine')}</td></tr>
<tr><td style="padding:28px"><h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(content.title)}</h1>
${content.intro.map(paragraph).join('\n')}${button}${(content.outro ?? []).map(paragraph).join('\n')}</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid #e5e7eb;font-size:12px;color:#6b7280">${escapeHtml(footer)}</td></tr>
</table></td></tr></table></body></html>`;
  const text = [
    content.title,
    '',
    ...content.intro.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    ...(content.outro ?? []).flatMap((p) => [p, '']),
    '—',
    footer,
  ].join('\n');
  return { subject: content.title, text, html };
}
