export * from './combine.ts';
export * from './features.ts';
export * from './model.ts';
export * from './train.ts';
export * from './train-model.ts';
