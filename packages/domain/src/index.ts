// One folder per aggregate, in the glossary's words (../../../docs/architecture.md); importers
// take everything from '@klimakommuner/domain'.
export * from './access/index.ts';
export * from './article/index.ts';
export * from './content/index.ts';
export type * from './errors.ts';
export * from './event/index.ts';
export * from './municipality/index.ts';
export * from './network/index.ts';
export * from './project/index.ts';
export * from './resource/index.ts';
export * from './search/index.ts';
