export * from './decide.ts';
export * from './period.ts';
export * from './policy.ts';
export * from './warranty-case.ts';
