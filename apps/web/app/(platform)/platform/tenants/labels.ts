export const TENANT_STATUSES = ['TRIAL', 'ACTIVE', 'SUSPENDED', 'CANCELLED'] as const;

/** The badge tone of each store status. */
export const STATUS_TONE = { ACTIVE: 'success', TRIAL: 'neutral', SUSPENDED: 'danger', CANCELLED: 'warning' } as const;
