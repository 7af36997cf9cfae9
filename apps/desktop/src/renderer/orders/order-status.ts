import type { BadgeTone } from '@vitrine/ui';

/** The order statuses the filter offers (Mercado Livre's words). */
export const ORDER_STATUSES = ['paid', 'confirmed', 'payment_required', 'payment_in_process', 'partially_paid', 'cancelled', 'invalid'] as const;

export function orderStatusTone(status: string): BadgeTone {
  switch (status) {
    case 'paid':
    case 'confirmed':
      return 'success';
    case 'payment_required':
    case 'payment_in_process':
    case 'partially_paid':
      return 'warning';
    case 'cancelled':
    case 'invalid':
      return 'danger';
    default:
      return 'neutral';
  }
}

export function shipmentStatusTone(status: string | null): BadgeTone {
  switch (status) {
    case 'delivered':
      return 'success';
    case 'ready_to_ship':
    case 'handling':
    case 'pending':
      return 'warning';
    case 'not_delivered':
    case 'cancelled':
      return 'danger';
    default:
      return 'neutral';
  }
}
