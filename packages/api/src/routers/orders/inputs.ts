import { z } from 'zod';
import { OrderStatus } from '@vitrine/db';
import { cursorInput } from '../../lib/keyset.ts';
import { idSchema, limitSchema } from '../../lib/schemas.ts';

const amountSchema = z.number().int('Give amounts in cents (whole numbers)').min(0, 'An amount cannot be negative');

export const ordersListInput = z
  .object({
    status: z.enum(Object.values(OrderStatus) as [OrderStatus, ...OrderStatus[]], { message: 'Unknown order status' }).optional(),
    /** Placed from `from` (inclusive) to `to` (exclusive). */
    from: z.date().optional(),
    to: z.date().optional(),
    /** Part of the buyer's email or name, or an order number (#1001 or 1001). */
    buyer: z.string().trim().max(120, 'Use at most 120 characters to search').optional(),
    /** Totals from `totalMin` to `totalMax`, both inclusive, minor units. */
    totalMin: amountSchema.optional(),
    totalMax: amountSchema.optional(),
    limit: limitSchema.default(25),
    cursor: cursorInput,
  })
  .refine((v) => !v.from || !v.to || v.from < v.to, { message: 'The start date must be before the end date', path: ['to'] })
  .refine((v) => v.totalMin === undefined || v.totalMax === undefined || v.totalMin <= v.totalMax, {
    message: 'The lowest total must not be above the highest',
    path: ['totalMax'],
  });

export const orderIdInput = z.object({ id: idSchema });

export const markShippedInput = z.object({
  id: idSchema,
  carrier: z.string().trim().min(1, 'Name the carrier').max(80, 'Use at most 80 characters for the carrier'),
  trackingNumber: z.string().trim().min(1, 'Fill in the tracking number').max(100, 'Use at most 100 characters for the tracking number'),
});

export const cancelOrderInput = z.object({
  id: idSchema,
  reason: z.string().trim().max(500, 'Use at most 500 characters for the reason').optional(),
});

export type OrdersListInput = z.infer<typeof ordersListInput>;
export type OrderIdInput = z.infer<typeof orderIdInput>;
export type MarkShippedInput = z.infer<typeof markShippedInput>;
export type CancelOrderInput = z.infer<typeof cancelOrderInput>;

export const refundOrderInput = z.object({
  id: idSchema,
  /** Minor units to give back; absent: all that remains of the payment. */
  amount: z
    .number({ message: 'Enter the amount to refund' })
    .int('Give the amount in cents (a whole number)')
    .positive('Refund an amount above 0')
    .optional(),
});

export type RefundOrderInput = z.infer<typeof refundOrderInput>;
