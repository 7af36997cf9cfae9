import { checkoutMessagesOf } from './checkout-messages.ts';
import { html } from './html.ts';
import { documentOf, storeHeader, type StoreLook } from './pages.ts';

/** What orderTracking.get answers: nothing about the buyer, the address or the payment. */
export interface TrackedOrder {
  number: number;
  status: string;
  carrier: string | null;
  trackingNumber: string | null;
  items: { title: string; variantLabel: string; quantity: number }[];
  timeline: { type: string; status: string; at: Date }[];
}

/** /orders/<token>: the order's status, its history (when each step happened) and, once shipped, carrier and tracking number. */
export function trackingPage(look: StoreLook, order: TrackedOrder): string {
  const t = checkoutMessagesOf(look);
  const when = new Intl.DateTimeFormat(look.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const shipment =
    order.carrier || order.trackingNumber
      ? html`<dl class="v-card" data-testid="shipment"><dt>${t.carrier}</dt><dd data-testid="carrier">${order.carrier ?? ''}</dd><dt>${t.trackingNumber}</dt><dd data-testid="tracking-number">${order.trackingNumber ?? ''}</dd></dl>`
      : '';
  return documentOf(
    `${t.trackingTitle(order.number)} · ${look.name}`,
    html`${storeHeader(look)}<main class="v-page" style="max-width:760px"><h1 data-testid="tracking-title">${t.trackingTitle(order.number)}</h1><p><strong>${t.statusLabel}:</strong> <span data-testid="tracking-status" data-status="${order.status}">${
      t.status[order.status] ?? order.status
    }</span></p>${shipment}<section class="v-card"><h2>${t.timeline}</h2><ol data-testid="timeline">${order.timeline.map(
      (e) => html`<li data-type="${e.type}"><time datetime="${new Date(e.at).toISOString()}">${when.format(new Date(e.at))} UTC</time> — ${t.event[e.type] ?? t.status[e.status] ?? e.type}</li>`,
    )}</ol></section><section class="v-card" style="margin-top:12px"><h2>${t.items}</h2><ul>${order.items.map(
      (i) => html`<li>${i.quantity} × ${i.title}${i.variantLabel ? html` — ${i.variantLabel}` : ''}</li>`,
    )}</ul></section><p><a href="/">${t.keepShopping}</a></p></main>`,
    look,
    { noindex: true },
  );
}
