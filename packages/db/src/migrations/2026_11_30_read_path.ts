import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`). Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
//
// The read path decides in SQL (issue 10, decisions 0021 and 0022):
// - nb_sort_key(text): a name spelt so that plain byte order ("C") is Norwegian order, æ, ø, å
//   after z (as '{', '|', '}'), accented letters with their base letter (ä as æ, ö as ø, ü as y).
//   Both engines' collations differ (PGlite has only "C"), so every sort key column is
//   `collate "C"` and built by this function alone; lower() differs between locales for
//   non-ASCII letters, so the upper-case forms are translated explicitly as well.
// - sort_key, generated from the name (title for projects), on every table a list sorts by name;
//   indexed with the tie-breakers the keyset cursors use.
// - membership_member: every membership as one row per member municipality, direct
//   (via null) or through a region; today's members are a `distinct on` over it (members.ts).
// - indexes for the list filters.

const FROM_LOWER = 'æøåäöüéèêëáàâóòôíìúčđŋšŧžǧǩʒ';
const TO_LOWER = '{|}{|yeeeeaaaoooiiucdnstzgkz';
const FROM = FROM_LOWER + FROM_LOWER.toUpperCase();
const TO = TO_LOWER + TO_LOWER;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  if ([...FROM].length !== [...TO].length) throw new Error('nb_sort_key: uneven translation');
  await sql`
    create or replace function nb_sort_key(value text) returns text
    language sql immutable strict parallel safe
    as $$ select translate(lower(value), ${sql.lit(FROM)}, ${sql.lit(TO)}) collate "C" $$`.execute(
    db,
  );

  const sorted: [table: string, column: string, tieBreak: string][] = [
    ['municipality', 'name', 'number'],
    ['organisation', 'name', 'slug'],
    ['region', 'name', 'slug'],
    ['theme', 'name', 'slug'],
    ['project', 'title', 'slug'],
    ['person', 'name', 'id'],
  ];
  for (const [table, column, tieBreak] of sorted) {
    await sql`alter table ${sql.table(table)} add column sort_key text collate "C"
      generated always as (nb_sort_key(${sql.ref(column)})) stored`.execute(db);
    await sql`create index ${sql.raw(`${table}_sort_idx`)} on ${sql.table(table)}
      (sort_key, ${sql.ref(column)} collate "C", ${sql.ref(tieBreak)})`.execute(db);
  }

  await sql`
    create view membership_member as
      select m.id as membership_id, m.organisation_id, m.municipality_number,
             null::text as via, m.from_date, m.from_precision, m.to_date
        from membership m
       where m.municipality_number is not null
      union all
      select m.id, m.organisation_id, rm.municipality_number, r.slug, m.from_date,
             m.from_precision, m.to_date
        from membership m
        join region r on r.id = m.region_id
        join region_municipality rm on rm.region_id = r.id`.execute(db);

  await db.schema
    .createIndex('region_municipality_municipality_idx')
    .on('region_municipality')
    .column('municipality_number')
    .execute();
  await db.schema
    .createIndex('participation_project_idx')
    .on('participation')
    .column('project_id')
    .execute();
  await db.schema
    .createIndex('participation_event_since_idx')
    .on('participation_event')
    .columns(['participation_id', 'since', 'id'])
    .execute();
  await db.schema
    .createIndex('project_public_idx')
    .on('project')
    .columns(['workflow_status', 'publish_at'])
    .execute();
}
