export { runSync, isPermanent, type RunSyncOptions, type RunSyncResult } from './run.ts';
export { PAGE_FETCHERS, type SyncCursor } from './resources.ts';
