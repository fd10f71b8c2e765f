import type { Migration } from 'kysely/migration';
import * as foundation from './2026_11_27_foundation.ts';
import * as editors from './2026_11_28_editors.ts';
import * as projects from './2026_11_29_projects.ts';

/** Every migration, by its frozen name; a static object so bundlers see every file. */
export const migrations: Record<string, Migration> = {
  '2026_11_27_foundation': foundation,
  '2026_11_28_editors': editors,
  '2026_11_29_projects': projects,
};
