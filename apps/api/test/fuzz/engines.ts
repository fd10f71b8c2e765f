import { type DbHandle, seed } from '@klimakommuner/db';
import { ENGINES, type EngineName, openTestDatabase } from '../support/databases.ts';

/**
 * The databases a test can run the API on: a fresh in-memory PGlite, and, when TEST_DATABASE_URL
 * is set, a fresh PostgreSQL database of its own (dropped afterwards), as packages/db's suite
 * does; migrated and seeded.
 */
export interface Engine {
  readonly name: EngineName;
  setup(): Promise<{ handle: DbHandle; dispose(): Promise<void> }>;
}

export const engines: readonly Engine[] = ENGINES.map((name) => ({
  name,
  async setup() {
    const database = await openTestDatabase(name);
    await seed(database.handle.db);
    return database;
  },
}));
