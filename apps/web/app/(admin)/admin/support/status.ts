/** How each ticket status is shown (Badge tones). */
export const STATUS_TONE = { OPEN: 'warning', WAITING_ON_STAFF: 'warning', WAITING_ON_TENANT: 'success', CLOSED: 'neutral' } as const;
