export * from './shared/calendar-date.ts';
export * from './shared/duration.ts';
export * from './shared/locale.ts';
export * from './shared/result.ts';
export * from './warranty/index.ts';
