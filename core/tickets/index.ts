export * from './events.ts';
export * from './guidance.ts';
export * from './job.ts';
export * from './lifecycle.ts';
export * from './numbering.ts';
export * from './ticket.ts';
