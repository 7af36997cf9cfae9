import type { Database, Order, ScopedTransaction } from '@vitrine/db';
import { enqueueInTransaction, safeJobId } from '@vitrine/queue';
import { brandingOf } from '../../tenancy/tenant-summary.ts';
import { renderOrderEmail } from './email.ts';
import { noticeLanguageOf, noticeText, noticeWhatsAppText, type OrderNoticeKind } from './messages.ts';

/** What an order notice needs to know about its store: name, colours and where its pages answer. */
export interface NotificationStore {
  id: string;
  name: string;
  primaryColor?: string;
  logoUrl?: string | null;
  /** `http://alpha.localhost:3000`: the store's primary address on APP_URL's scheme and port. */
  origin: string;
}

/** Where a store answers: its primary hostname on APP_URL's scheme and port (https without APP_URL). */
export function storeOrigin(hostname: string, appUrl: string | undefined = process.env.APP_URL): string {
  if (!appUrl) return `https://${hostname}`;
  const app = new URL(appUrl);
  return `${app.protocol}//${hostname}${app.port ? `:${app.port}` : ''}`;
}

/** The store's name, branding and address, read from the platform tables. */
export async function notificationStore(db: Database, tenantId: string): Promise<NotificationStore> {
  const tenant = await db.platform.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { id: true, name: true, slug: true, branding: true, domains: { orderBy: [{ isPrimary: 'desc' }, { createdAt: 'asc' }], select: { hostname: true, isPrimary: true, verification: true } } },
  });
  const domain = tenant.domains.find((d) => d.isPrimary && d.verification === 'VERIFIED') ?? tenant.domains.find((d) => d.verification === 'VERIFIED') ?? tenant.domains[0];
  const branding = brandingOf(tenant.branding);
  return {
    id: tenant.id,
    name: tenant.name,
    primaryColor: branding.primaryColor,
    logoUrl: branding.logoUrl ?? null,
    origin: storeOrigin(domain?.hostname ?? `${tenant.slug}.${process.env.PLATFORM_DOMAIN ?? 'localhost'}`),
  };
}

/** The buyer's tracking page. */
export const trackingUrlOf = (store: Pick<NotificationStore, 'origin'>, order: Pick<Order, 'trackingToken'>) => `${store.origin}/orders/${order.trackingToken}`;

export interface NoticeOptions {
  /** The refund this notice is about (kind 'refund'): its id keys the notice, so each refund is told once. */
  refund?: { id: string; amount: number };
}

/**
 * Writes the buyer's notice of `kind` about `order` to the outbox, in the caller's transaction (the one making the
 * change it announces): an email, and a WhatsApp message when the buyer gave a phone. Keyed by order and kind (and
 * refund id), so the same notice becomes one job even if it were written twice.
 */
export async function enqueueOrderNotice(tx: ScopedTransaction, store: NotificationStore, order: Order, kind: OrderNoticeKind, options: NoticeOptions = {}): Promise<void> {
  const items = await tx.orderItem.findMany({ where: { orderId: order.id }, orderBy: { createdAt: 'asc' }, select: { title: true, variantLabel: true, quantity: true } });
  const trackingUrl = trackingUrlOf(store, order);
  const text = noticeText(kind, noticeLanguageOf(order.locale), {
    storeName: store.name,
    buyerName: order.buyerName,
    number: order.number,
    currency: order.currency,
    total: order.totalAmount,
    items,
    trackingUrl,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    refundAmount: options.refund?.amount,
    refundedAmount: order.refundedAmount,
  });
  const key = safeJobId(`order-${order.id}-${kind}${options.refund ? `-${options.refund.id}` : ''}`);
  const email = renderOrderEmail(text, trackingUrl, { storeName: store.name, primaryColor: store.primaryColor, logoUrl: store.logoUrl });
  await enqueueInTransaction(tx, {
    queue: 'email',
    name: 'email.send',
    payload: { to: order.buyerEmail, subject: email.subject, text: email.text, html: email.html, kind: `order.${kind}`, tenantId: order.tenantId },
    jobId: `email-${key}`,
    tenantId: order.tenantId,
  });
  if (order.buyerPhone) {
    await enqueueInTransaction(tx, {
      queue: 'whatsapp',
      name: 'whatsapp.send',
      payload: { to: order.buyerPhone, text: noticeWhatsAppText(text, trackingUrl), kind: `order.${kind}`, tenantId: order.tenantId },
      jobId: `whatsapp-${key}`,
      tenantId: order.tenantId,
    });
  }
}
