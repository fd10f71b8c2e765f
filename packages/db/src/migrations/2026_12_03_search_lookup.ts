import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`). Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
//
// The library's search looks up each document its signature walk admits (decision 0041), about
// a thousand per search (docs/decisions/0044):
// - by `id` alone, a uuid compared byte by byte, instead of the primary key (type, id), whose
//   text column is compared by the database's collation at every step down the tree. The type
//   is still tested on the row. Not unique: two kinds may one day share an id.
// - with the document kept in the row (storage main), so that reading it for the test and for
//   the rank does not fetch it from the TOAST table; the text columns, which only the page's
//   snippets read, are moved out first. Rows written before keep their storage until they are
//   written again.

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  // Migrations run in one transaction: those before may have left content_changed events
  // pending, and a table with pending events cannot be altered (2026_12_02_search_signature).
  await sql`set constraints content_changed immediate`.execute(db);
  await sql`create index search_document_id_idx on search_document (id)`.execute(db);
  await sql`alter table search_document alter column document set storage main`.execute(db);
  await sql`set constraints content_changed deferred`.execute(db);
}
