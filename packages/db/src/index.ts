export { type DbHandle, openDatabase } from './client.ts';
export { type DbConfig, dbConfigFromEnv, findRepoRoot } from './config.ts';
export { DatabaseLockedError } from './lock.ts';
export { migrate } from './migrate.ts';
export { listCounties, ping } from './queries/counties.ts';
export { InvalidCursorError } from './queries/cursor.ts';
export {
  getMunicipality,
  listMunicipalities,
  type MunicipalityFilter,
} from './queries/municipalities.ts';
export { getOrganisation, listOrganisations } from './queries/organisations.ts';
export type * from './schema.ts';
export type { Database } from './schema.ts';
export { seed } from './seed.ts';
