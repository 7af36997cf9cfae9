import type { PartnerMessages } from '../../../src/i18n/messages/partners.ts';

export const STATUSES = ['TRIAL', 'ACTIVE', 'SUSPENDED', 'CANCELLED'] as const;
export type ClientStatus = (typeof STATUSES)[number];

export const STATUS_TONE = { ACTIVE: 'success', TRIAL: 'neutral', SUSPENDED: 'danger', CANCELLED: 'warning' } as const;

export const statusLabel = (t: PartnerMessages, status: ClientStatus) => t[status];

export const isStatus = (value: string | undefined): value is ClientStatus => (STATUSES as readonly string[]).includes(value ?? '');
