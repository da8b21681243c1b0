export * from './client.ts';
export * from './create.ts';
export * from './evaluate.ts';
export * from './examples.ts';
export * from './intake-helper.ts';
export * from './triage-reader.ts';
export * from './turn-assist.ts';
export * from './usage.ts';
