import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from './migrations/index.ts';

export interface MigrateOptions {
  /** Called with each migration that ran, e.g. to print it. */
  onApplied?: (name: string) => void;
}

/** Runs every pending migration, each in its own transaction; throws on the first failure. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on an untyped Kysely
export const migrate = async (db: Kysely<any>, options: MigrateOptions = {}): Promise<void> => {
  // Unordered: a migration dated the same day as one that already ran (branches merged in any
  // order) still runs, instead of the migrator refusing the database as corrupted.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === 'Success') options.onApplied?.(result.migrationName);
  }
  if (error) throw error instanceof Error ? error : new Error(String(error));
};
