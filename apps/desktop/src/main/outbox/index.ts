export { enqueueAnswer, flushOutbox, outboxItems, type OutboxItem, type OutboxStatus, type FlushResult } from './outbox.ts';
