export { createOrJoinSyncRun, syncJobId, type SyncRequest } from './sync-runs.ts';
export { prismaTokenStore } from './token-store.ts';
export { upsertItems, upsertMessages, upsertOrders, upsertQuestions, upsertShipments } from './upserts.ts';
