export * from './errors.ts';
export * from './event.ts';
export * from './format.ts';
export * from './views.ts';
