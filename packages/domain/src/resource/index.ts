export * from './errors.ts';
export * from './resource.ts';
export * from './search.ts';
export * from './views.ts';
