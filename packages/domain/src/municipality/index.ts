export * from './county.ts';
export * from './errors.ts';
export * from './municipality.ts';
export * from './refs.ts';
export * from './views.ts';
