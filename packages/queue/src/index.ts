export * from './jobs.ts';
export * from './outbox.ts';
