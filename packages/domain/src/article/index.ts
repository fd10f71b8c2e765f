export * from './article.ts';
export * from './errors.ts';
export * from './views.ts';
