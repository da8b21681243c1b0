export * from './catalogue.ts';
export * from './catalogue-view.ts';
export * from './engine.ts';
export * from './evaluate.ts';
export * from './hazard-net.ts';
export * from './lexicon.ts';
export * from './next-step.ts';
export * from './types.ts';
