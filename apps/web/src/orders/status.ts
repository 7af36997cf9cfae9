import type { BadgeTone } from '@vitrine/ui';

/** How order and refund states are shown (Badge tones); the words are in the orders messages. */
export const ORDER_STATUSES = ['CREATED', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

export const STATUS_TONE: Record<OrderStatusName, BadgeTone> = {
  CREATED: 'warning',
  PAID: 'success',
  SHIPPED: 'neutral',
  DELIVERED: 'success',
  CANCELLED: 'danger',
};

export const REFUND_TONE = { NONE: 'neutral', PARTIAL: 'warning', FULL: 'danger' } as const satisfies Record<string, BadgeTone>;
