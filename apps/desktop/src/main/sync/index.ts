export { syncOnce, type SyncOptions, type SyncCounts } from './sync.ts';
export { callerTransport, clientTransport, classifyError, OfflineError, AnswerConflictError, SignedOutError, RateLimitedError, type Transport } from './transport.ts';
