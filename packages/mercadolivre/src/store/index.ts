export { createOrJoinSyncRun, syncJobId, type SyncRequest } from './sync-runs.ts';
export { prismaTokenStore } from './token-store.ts';
export { upsertItems, upsertMessages, upsertOrders, upsertQuestions, upsertShipments } from './upserts.ts';
export { acceptMlNotification, handleMlWebhook, notificationJobId, notificationKey, webhookSecretMatches, webStreamChunks, ML_WEBHOOK_MAX_BYTES, type AcceptMlNotificationInput, type AcceptMlNotificationResult, type MlNotificationIgnored, type MlWebhookConfig, type MlWebhookRequest, type MlWebhookResponse } from './notifications.ts';
