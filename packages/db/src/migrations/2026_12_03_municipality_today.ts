import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`). Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
//
// municipality_today (docs/decisions/0043-municipality-today-summary.md): for each municipality,
// the organisations it belonged to on `as_of` (membersOnSql's rows, direct or through a region)
// as MunicipalityOrganisation JSON in Norwegian order, how many, and the first `first_count` of
// them (the ones a list names, LISTED_ORGANISATIONS when it was written). A row holds only while
// `as_of` is today and `version` is the content version (every write of memberships, regions,
// organisations or municipalities bumps it at commit); a read that finds its row missing or
// stale computes the municipality's organisations itself, so the table can only make a read
// faster, never wrong. Bookkeeping, not content: writing it bumps nothing.
//
// The version moves when a transaction commits. A transaction that writes memberships, regions or
// organisations and reads municipalities before it commits must not take the rows either: each
// such statement sets the transaction-local setting kk.memberships_changed, and reads take no row
// while it is on.

const TOUCHED_BY = ['membership', 'region_municipality', 'region', 'organisation'];

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table municipality_today (
      municipality_number text primary key references municipality (number) on delete cascade,
      as_of date not null,
      version bigint not null,
      organisations json not null,
      organisation_count integer not null check (organisation_count >= 0),
      first_organisations json not null,
      first_count integer not null check (first_count > 0)
    )
  `.execute(db);
  await sql`
    create function kk_memberships_changed() returns trigger language plpgsql as $$
    begin
      perform set_config('kk.memberships_changed', 'on', true);
      return null;
    end
    $$
  `.execute(db);
  for (const table of TOUCHED_BY) {
    await sql`
      create trigger memberships_changed after insert or update or delete or truncate
      on ${sql.table(table)} for each statement execute function kk_memberships_changed()
    `.execute(db);
  }
}
