import type { NoticeText } from './messages.ts';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const HEX = /^#[0-9a-fA-F]{6}$/;

export interface EmailBrand {
  storeName: string;
  primaryColor?: string;
  /** A logo on https (or null): emails are read far from the store's host, so only absolute https logos are shown. */
  logoUrl?: string | null;
}

/** A buyer's order email in the store's colours and name: HTML and the same words as plain text. */
export function renderOrderEmail(text: NoticeText, actionUrl: string, brand: EmailBrand): { subject: string; html: string; text: string } {
  const color = brand.primaryColor && HEX.test(brand.primaryColor) ? brand.primaryColor : '#111827';
  const logo = brand.logoUrl && brand.logoUrl.startsWith('https://') ? `<img src="${escapeHtml(brand.logoUrl)}" alt="" height="32" style="vertical-align:middle;margin-right:10px">` : '';
  const paragraph = (p: string) => `<p style="margin:0 0 12px;line-height:1.5">${escapeHtml(p)}</p>`;
  const html = `<!doctype html><html><body style="margin:0;background:#f3f4f6;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111827">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="background:#ffffff;border-radius:8px;overflow:hidden">
<tr><td style="padding:18px 28px;background:${color};color:#ffffff;font-weight:700;font-size:18px">${logo}${escapeHtml(brand.storeName)}</td></tr>
<tr><td style="padding:28px"><h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(text.title)}</h1>
${text.paragraphs.map(paragraph).join('\n')}
<p style="margin:24px 0"><a href="${escapeHtml(actionUrl)}" style="background:${color};color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(text.action)}</a></p>
<p style="margin:0;font-size:13px;color:#4b5563"><a href="${escapeHtml(actionUrl)}">${escapeHtml(actionUrl)}</a></p></td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid #e5e7eb;font-size:12px;color:#6b7280">${escapeHtml(text.footer)}</td></tr>
</table></td></tr></table></body></html>`;
  const plain = [text.title, '', ...text.paragraphs, '', `${text.action}: ${actionUrl}`, '', '—', text.footer].join('\n');
  return { subject: text.subject, html, text: plain };
}
