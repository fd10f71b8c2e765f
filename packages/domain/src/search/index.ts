export * from './site-search.ts';
