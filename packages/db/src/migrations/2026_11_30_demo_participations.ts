import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`). Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
//
// A demo participation (seeded for development only) is marked by a column of its own rather
// than by its note, so every page that shows a participation can mark it as demo content.
// Rows the earlier demo seed wrote carry its note; they are marked here.

const DEMO_NOTE = 'Demodata – ikke ekte deltakelse';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('participation')
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`update participation set demo = true where note = ${DEMO_NOTE}`.execute(db);
}
