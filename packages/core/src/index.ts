export * from './env.ts';
export * from './crypto.ts';
export * from './logger.ts';
