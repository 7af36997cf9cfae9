/** How ticket statuses read on the platform's pages (English, like the rest of the platform area). */
export const STATUS_LABEL = { OPEN: 'Open', WAITING_ON_STAFF: 'Waiting on staff', WAITING_ON_TENANT: 'Waiting on the store', CLOSED: 'Closed' } as const;
export const STATUS_TONE = { OPEN: 'danger', WAITING_ON_STAFF: 'warning', WAITING_ON_TENANT: 'neutral', CLOSED: 'neutral' } as const;
export const PRIORITY_LABEL = { LOW: 'Low', NORMAL: 'Normal', HIGH: 'High', URGENT: 'Urgent' } as const;
