import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`). Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
//
// A signature per search document (docs/decisions/0041): 2048 bits, two set for each of the
// document's lexemes, for the first four and the first six letters of each (a word being typed
// matches as a prefix) and for each of its facets (type, kind, theme, project, organisation,
// municipality). A search for words in many documents walks the newest-first index; with the
// signature in that index it tests each entry there (a few bit operations) and reads a document
// only when its signature holds every bit the search asks for, instead of reading every
// document it passes. The signature may admit a document that does not match (the search tests
// each one it reads), never leave out one that does.

// The same expression as search_document.document (2026_11_30_resources): a generated column
// cannot read another one.
const weighted = (column: string, weight: string) =>
  `setweight(to_tsvector('norwegian'::regconfig, ${column}), '${weight}') || ` +
  `setweight(to_tsvector('simple'::regconfig, ${column}), '${weight}')`;
const document = [
  weighted('title', 'A'),
  weighted('summary', 'B'),
  weighted('body_text', 'C'),
  weighted('file_text', 'D'),
].join(' || ');

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  // Two bit positions per token from its md5 (stable across PostgreSQL versions, unlike
  // hashtext). A null token sets nothing.
  await sql`
    create function kk_signature(tokens text[]) returns bit(2048)
    language sql immutable parallel safe as $$
      select coalesce(bit_or(set_bit(set_bit(repeat('0', 2048)::bit(2048),
          ('x' || substr(h, 1, 8))::bit(32)::int & 2047, 1),
          ('x' || substr(h, 9, 8))::bit(32)::int & 2047, 1)), repeat('0', 2048)::bit(2048))
      from (select md5(t) as h from unnest(tokens) t) x
    $$`.execute(db);
  // The tokens of a document's lexemes: each, and the first four and six letters of each as
  // `prefix:…` (a search for a word being typed asks for its first six, or four).
  await sql`
    create function kk_lexeme_tokens(document tsvector) returns text[]
    language sql immutable parallel safe as $$
      select tsvector_to_array(document)
        || array(select distinct 'prefix:' || left(l, n)
          from unnest(tsvector_to_array(document)) l cross join (values (4), (6)) s(n)
          where length(l) >= n)
    $$`.execute(db);
  // The tokens of a document's facets; a search asks for the same tokens of its filters.
  await sql`
    create function kk_facet_tokens(type text, kind text, themes text[], project text,
      organisation text, municipalities text[]) returns text[]
    language sql immutable parallel safe as $$
      select array['type:' || type, 'kind:' || kind, 'project:' || project,
          'organisation:' || organisation]
        || array(select 'theme:' || t from unnest(themes) t)
        || array(select 'municipality:' || m from unnest(municipalities) m)
    $$`.execute(db);
  // Migrations run in one transaction: those before may have left content_changed events
  // pending (a constraint trigger, initially deferred), and a table with pending events cannot
  // be altered. Fire them now, alter, and defer the trigger again as it was.
  await sql`set constraints content_changed immediate`.execute(db);
  await sql`
    alter table search_document add column signature bit(2048) generated always as (
      kk_signature(kk_lexeme_tokens(${sql.raw(document)})
        || kk_facet_tokens(type, kind, themes, project, organisation, municipalities))
    ) stored`.execute(db);
  await sql`set constraints content_changed deferred`.execute(db);
  // No parallel scans of search_document: for the walk under a LIMIT PostgreSQL then chose a
  // Gather Merge of parallel index scans (17–43 ms against 10–12 ms for one process), and a
  // parallel scan never measured faster for a search here (docs/benchmarks.md).
  await sql`alter table search_document set (parallel_workers = 0)`.execute(db);
  // The newest-first walk reads the signature (and the key to the document) from the index.
  await sql`drop index search_document_newest_idx`.execute(db);
  await sql`create index search_document_newest_idx
    on search_document (published_on desc nulls last, slug) include (type, id, signature)`.execute(
    db,
  );
}
