import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CaughtMessage, MessageStore } from './store.ts';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function html(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:960px;padding:24px;color:#111827}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:8px;border-bottom:1px solid #e5e7eb;vertical-align:top}pre{white-space:pre-wrap;background:#f9fafb;padding:12px;border-radius:6px}
a{color:#1d4ed8}</style></head><body>${body}</body></html>`;

function inboxPage(messages: CaughtMessage[]) {
  const rows = messages
    .map((m) => `<tr><td>${escapeHtml(new Date(m.receivedAt).toLocaleString('en-GB', { timeZone: 'UTC' }))} UTC</td><td>${escapeHtml(m.to.join(', '))}</td>` +
      `<td><a href="/view/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || '(no subject)')}</a></td></tr>`)
    .join('');
  const body = messages.length
    ? `<table><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No email yet. Emails the demo sends (sign-up verification, sign-in links, password resets) appear here.</p>';
  return page('Vitrine demo inbox', `<h1>Demo inbox</h1><p>Every email sent by this Vitrine demo is caught here; nothing leaves the machine.</p>${body}`);
}

function messagePage(m: CaughtMessage) {
  const links = m.links.length ? `<h2>Links</h2><ul>${m.links.map((l) => `<li><a href="${escapeHtml(l)}">${escapeHtml(l)}</a></li>`).join('')}</ul>` : '';
  return page(m.subject, `<p><a href="/">← Inbox</a></p><h1>${escapeHtml(m.subject || '(no subject)')}</h1>
<p>From ${escapeHtml(m.from)} to ${escapeHtml(m.to.join(', '))}</p>${links}<h2>Text</h2><pre>${escapeHtml(m.text)}</pre>`);
}

/**
 * GET /messages?to=… (newest first), GET /messages/:id, DELETE /messages, and a readable inbox at / with
 * one page per message at /view/:id (the text and its links; the HTML is never rendered here).
 */
export function createCatcherHandler(store: MessageStore) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://catcher.local');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (req.method === 'GET' && path === '/messages') return json(res, 200, store.list(url.searchParams.get('to') ?? undefined));
    if (req.method === 'DELETE' && path === '/messages') return json(res, 200, { deleted: store.clear() });
    const one = /^\/(messages|view)\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && one) {
      const message = store.get(decodeURIComponent(one[2]!));
      if (one[1] === 'messages') return message ? json(res, 200, message) : json(res, 404, { error: 'No message with this id.' });
      return message ? html(res, 200, messagePage(message)) : html(res, 404, page('Not found', '<p>No message with this id. <a href="/">Inbox</a></p>'));
    }
    if (req.method === 'GET' && path === '/') return html(res, 200, inboxPage(store.list()));
    return json(res, req.method === 'GET' || req.method === 'DELETE' ? 404 : 405, { error: 'Not found.' });
  };
}
