import { cardByNumber, digitsOnly, luhnValid } from '../cards.ts';
import { paySession, successRedirect } from '../checkout.ts';
import { escapeHtml, html, redirect, type Reply, type Route, type RouteContext } from '../http.ts';
import type { CheckoutSession } from '../model.ts';

/**
 * The hosted pages a browser opens: Checkout (`session.url`, a plain form: email, card number, expiry,
 * CVC) and the billing portal (`portal_session.url`). They post back to themselves, so they work without
 * JavaScript and a test can drive them with fetch.
 */

const money = (amount: number, currency: string) => `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;

function page(title: string, body: string, status = 200): Reply {
  return html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 2rem auto; padding: 0 1rem; color: #1a1f36; }
  label { display: block; margin: .75rem 0 .25rem; font-size: .9rem; }
  input { width: 100%; padding: .5rem; font-size: 1rem; box-sizing: border-box; }
  .row { display: flex; gap: .75rem; } .row > div { flex: 1; }
  button { margin-top: 1.25rem; width: 100%; padding: .75rem; font-size: 1rem; background: #635bff; color: #fff; border: 0; border-radius: 4px; }
  .error { background: #fde8e8; color: #9b1c1c; padding: .5rem .75rem; border-radius: 4px; }
  .sandbox { font-size: .8rem; color: #697386; }
  table { width: 100%; border-collapse: collapse; } td { padding: .25rem 0; } td:last-child { text-align: right; }
</style></head>
<body><p class="sandbox">Stripe sandbox (test mode)</p>${body}</body></html>`, status);
}

function checkoutForm(ctx: RouteContext, session: CheckoutSession, values: { email?: string; error?: string } = {}, status = 200): Reply {
  const lines = ctx.core.sessionDetails.get(session.id)?.lines ?? [];
  const rows = lines.map((line) => `<tr><td>${escapeHtml(line.description)} × ${line.quantity}</td><td>${money(line.amount_total, line.currency)}</td></tr>`).join('')
    + (session.shipping_cost ? `<tr><td>Shipping</td><td>${money(session.shipping_cost.amount_total, session.currency)}</td></tr>` : '');
  const email = values.email ?? session.customer_email ?? '';
  const cancel = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel and go back</a></p>` : '';
  return page('Pay', `
<h1>Pay ${money(session.amount_total, session.currency)}</h1>
<table>${rows}</table>
${values.error ? `<p class="error" role="alert">${escapeHtml(values.error)}</p>` : ''}
<form method="post" action="/c/pay/${escapeHtml(session.id)}">
  <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(email)}">
  <label for="cardNumber">Card number</label><input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required>
  <div class="row">
    <div><label for="cardExpiry">Expiry (MM / YY)</label><input id="cardExpiry" name="cardExpiry" autocomplete="cc-exp" placeholder="12 / 34" required></div>
    <div><label for="cardCvc">CVC</label><input id="cardCvc" name="cardCvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123" required></div>
  </div>
  <label for="billingName">Name on card</label><input id="billingName" name="billingName" autocomplete="cc-name">
  <button type="submit">Pay</button>
</form>${cancel}`, status);
}

function closedPage(session: CheckoutSession): Reply {
  if (session.status === 'complete') {
    const next = successRedirect(session);
    return page('Paid', `<h1>Payment complete</h1><p>This checkout session has been paid.</p>${next ? `<p><a href="${escapeHtml(next)}">Continue</a></p>` : ''}`);
  }
  return page('Expired', '<h1>This checkout session has expired</h1><p>Go back to the store and start again.</p>', 410);
}

/** MM / YY (or MM/YYYY), not in the past. */
function parseExpiry(raw: string, now: Date): { month: number; year: number } | string {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(raw);
  if (!match) return "Your card's expiration date is incomplete.";
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return "Your card's expiration month is invalid.";
  if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) return "Your card's expiration year is in the past.";
  return { month, year };
}

function findSession(ctx: RouteContext): CheckoutSession | undefined {
  return ctx.core.sessions.get(ctx.params[0] as string);
}

const notFound = () => page('Not found', '<h1>Something went wrong</h1><p>The page you were looking for could not be found.</p>', 404);

export const pageRoutes: Route[] = [
  {
    method: 'GET', path: '/c/pay/:id', kind: 'page',
    handle: (ctx) => {
      const session = findSession(ctx);
      if (!session) return notFound();
      return session.status === 'open' ? checkoutForm(ctx, session) : closedPage(session);
    },
  },
  {
    method: 'POST', path: '/c/pay/:id', kind: 'page',
    handle: (ctx) => {
      const session = findSession(ctx);
      if (!session) return notFound();
      if (session.status !== 'open') return closedPage(session);
      const field = (name: string) => (typeof ctx.form[name] === 'string' ? (ctx.form[name] as string).trim() : '');
      const email = field('email');
      const retry = (error: string) => checkoutForm(ctx, session, { email, error }, 400);
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return retry('Your email address is invalid.');
      const number = digitsOnly(field('cardNumber'));
      if (!luhnValid(number)) return retry('Your card number is invalid.');
      const card = cardByNumber(number);
      if (!card) return retry('Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://docs.stripe.com/testing.');
      const expiry = parseExpiry(field('cardExpiry'), new Date(ctx.core.clock()));
      if (typeof expiry === 'string') return retry(expiry);
      if (!/^\d{3,4}$/.test(field('cardCvc'))) return retry("Your card's security code is incomplete.");
      const result = paySession(ctx.core, session, card, { email, name: field('billingName') || null, expMonth: expiry.month, expYear: expiry.year });
      if (!result.ok) return checkoutForm(ctx, session, { email, error: result.error.message }, 402);
      const next = successRedirect(session);
      return next ? redirect(next) : closedPage(session);
    },
  },
  {
    method: 'GET', path: '/i/:id', kind: 'page',
    handle: (ctx) => {
      const invoice = ctx.core.invoices.get(ctx.params[0] as string);
      if (!invoice) return notFound();
      const rows = invoice.lines.data.map((l) => `<tr><td>${escapeHtml(l.description)}</td><td>${money(l.amount, l.currency)}</td></tr>`).join('');
      return page(`Invoice ${invoice.number}`, `<h1>Invoice ${escapeHtml(invoice.number)}</h1><p>Status: ${invoice.status}</p><table>${rows}<tr><td><strong>Total</strong></td><td><strong>${money(invoice.total, invoice.currency)}</strong></td></tr></table>`);
    },
  },
  {
    method: 'GET', path: '/p/session/:id', kind: 'page',
    handle: (ctx) => {
      const portal = ctx.core.portalSessions.get(ctx.params[0] as string);
      if (!portal) return notFound();
      const customer = ctx.core.customers.get(portal.customer);
      const subscriptions = [...ctx.core.subscriptions.values()].filter((s) => s.customer === portal.customer);
      const rows = subscriptions.map((s) => {
        const item = s.items.data[0];
        const price = item ? money(item.price.unit_amount, item.price.currency) : '';
        const ends = s.cancel_at_period_end && item ? ` (cancels on ${new Date(item.current_period_end * 1000).toISOString().slice(0, 10)})` : '';
        return `<tr><td>${escapeHtml(s.id)} — ${s.status}${ends}</td><td>${price}</td></tr>`;
      }).join('');
      const invoices = [...ctx.core.invoices.values()].filter((i) => i.customer === portal.customer).reverse()
        .map((i) => `<tr><td>${escapeHtml(i.number)} — ${i.status}</td><td>${money(i.total, i.currency)}</td></tr>`).join('');
      const back = portal.return_url ? `<p><a href="${escapeHtml(portal.return_url)}">Return</a></p>` : '';
      return page('Billing', `<h1>Billing for ${escapeHtml(customer?.email ?? customer?.name ?? portal.customer)}</h1>
<h2>Subscriptions</h2><table>${rows || '<tr><td>None</td></tr>'}</table>
<h2>Invoices</h2><table>${invoices || '<tr><td>None</td></tr>'}</table>${back}`);
    },
  },
];
