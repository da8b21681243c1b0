export * from './customers.ts';
export * from './guidance.ts';
export * from './jobs.ts';
export * from './products.ts';
export * from './sessions.ts';
export * from './staff.ts';
export * from './tickets.ts';
export * from './transcript.ts';
