import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`). Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
//
// Keeps the columns every search reads for each of its candidates in the row (docs/decisions/0045).
// A row of search_document past about 2 kB is made smaller by the TOAST code, which moves
// `extended` columns to the TOAST table, largest first, until the row fits, and only then
// compresses the `main` ones. Since `document` is `main` (2026_12_03_search_lookup), that moved
// even the organisation's slug and the themes of most synthetic rows out of the row, and every
// facet then fetched them back, one TOAST lookup per candidate and column. Now these small
// columns are `main` too: the text columns (body_text, file_text, summary, title) go first, and
// the document is compressed before any of them moves.
//
// A storage setting applies to rows written after it; the table is rewritten (ALTER ... TYPE with
// an expression) so that the rows already there are stored the same way. search_document holds
// one row per published item, so this is quick at any real size. `migrate` then vacuums the table
// (`vacuum`), which sets its visibility map again for the signature walk's index-only scan.

export const vacuum = ['search_document'];

const HOT = ['type', 'slug', 'kind', 'themes', 'project', 'organisation', 'municipalities'];

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  // Migrations run in one transaction: those before may have left content_changed events
  // pending, and a table with pending events cannot be altered (2026_12_02_search_signature).
  await sql`set constraints content_changed immediate`.execute(db);
  await sql`alter table search_document ${sql.join(
    HOT.map((column) => sql`alter column ${sql.ref(column)} set storage main`),
  )}`.execute(db);
  // `+ 0` is the same day, but as an expression it makes PostgreSQL write every row anew, and
  // writing a row applies the storage settings to each of its values again.
  await sql`alter table search_document
    alter column published_on type date using published_on + 0`.execute(db);
  await sql`set constraints content_changed deferred`.execute(db);
}
