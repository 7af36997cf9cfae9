export { runSync, isPermanent, type RunSyncOptions, type RunSyncResult } from './run.ts';
export { PAGE_FETCHERS, type SyncCursor } from './resources.ts';
export { processNotification, type NotificationOutcome, type ProcessNotificationOptions } from './notifications.ts';
export { sendAnswer, type SendAnswerOutcome, type SendAnswerOptions } from './answers.ts';
export { scheduleSyncs, resumeStalledRuns, refreshDueTokens, pruneNotifications, INCREMENTAL_RESOURCES, STALLED_AFTER_MS } from './schedule.ts';
export { reconcileMissedFeeds } from './feeds.ts';
