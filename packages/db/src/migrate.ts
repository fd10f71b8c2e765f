import { type Kysely, sql } from 'kysely';
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
  const rewritten = new Set<string>();
  for (const result of results ?? []) {
    if (result.status !== 'Success') continue;
    options.onApplied?.(result.migrationName);
    for (const table of migrations[result.migrationName]?.vacuum ?? []) rewritten.add(table);
  }
  if (error) throw error instanceof Error ? error : new Error(String(error));
  // The tables the migrations rewrote (KkMigration), after their transaction has committed.
  for (const table of rewritten) await sql`vacuum (analyze) ${sql.table(table)}`.execute(db);
};
