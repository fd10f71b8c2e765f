import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`). Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
//
// A search's filters as one GIN index (docs/decisions/0047). `facet_tokens` holds the tokens the
// signature is built from (kk_facet_tokens: `kind:guide`, `organisation:ken`, `theme:…`,
// `municipality:…`, …), and a search asks for its filters as `facet_tokens @> array[…]`: the index
// intersects their posting lists itself. With one index per column, PostgreSQL read each
// filter's index in full and ANDed the bitmaps: «mal» of a kind and an organisation at 100 000
// documents built bitmaps of 14 294 and 33 246 entries (5.5 ms) to keep 4 769; the GIN index
// finds the 4 769 in about 1.4 ms. The indexes of the single columns served only those filters,
// so they go.
//
// The column is `main`, like the other small columns a search reads per candidate
// (2026_12_04_search_storage): the signature walk tests it for every document it admits. Adding a
// stored column rewrites the table, so `migrate` vacuums it afterwards (`vacuum`).

export const vacuum = ['search_document'];

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  // Migrations run in one transaction: those before may have left content_changed events
  // pending, and a table with pending events cannot be altered (2026_12_02_search_signature).
  await sql`set constraints content_changed immediate`.execute(db);
  // One ALTER: the storage applies to the rewrite that adding the column makes.
  await sql`alter table search_document
    add column facet_tokens text[] not null
      generated always as (kk_facet_tokens(type, kind, themes, project, organisation,
        municipalities)) stored,
    alter column facet_tokens set storage main`.execute(db);
  await sql`create index search_document_facets_idx on search_document
    using gin (facet_tokens)`.execute(db);
  for (const index of [
    'search_document_kind_idx',
    'search_document_project_idx',
    'search_document_organisation_idx',
    'search_document_themes_idx',
    'search_document_municipalities_idx',
  ])
    await sql`drop index ${sql.ref(index)}`.execute(db);
  await sql`set constraints content_changed deferred`.execute(db);
}
