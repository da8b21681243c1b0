export * from './client.ts';
export * from './intake-helper.ts';
export * from './triage-reader.ts';
export * from './turn-assist.ts';
export * from './usage.ts';
