import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`). Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
//
// The resource library's tables are public content too: a write to any of them bumps the content
// version and notifies kk_content (2026_11_30_content_version, decision 0024), so every API and
// portal process drops its cached answers and pages. stored_file counts because an attachment's
// size, type and image widths come from it; search_document because the search reads it.

const TABLES = [
  'stored_file',
  'resource',
  'resource_theme',
  'resource_municipality',
  'resource_attachment',
  'resource_link',
  'search_document',
];

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`
      create constraint trigger content_changed after insert or update or delete
      on ${sql.table(table)} deferrable initially deferred
      for each row execute function kk_content_changed()
    `.execute(db);
  }
}
