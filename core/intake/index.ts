export * from './address.ts';
export * from './model-number.ts';
export * from './name.ts';
export * from './phone.ts';
export * from './purchase-date.ts';
export * from './redact.ts';
export * from './visit-window.ts';
