export * from './storage/index.ts';
export * from './images/index.ts';
