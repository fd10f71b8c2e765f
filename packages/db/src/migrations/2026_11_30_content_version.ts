import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`). Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
//
// The content version (docs/decisions/0024-content-version-invalidates-every-cache.md): one row
// that every transaction changing public content bumps once, at commit, and announces with
// NOTIFY kk_content (payload: the new version). A deferred constraint trigger on every content
// table does it, so no write path can forget it (seed, CLI and tests included); it runs when the
// transaction commits, after every row lock the transaction takes, so it adds no lock order.
// The list of tables is frozen here; a table added later gets the trigger in its own migration
// (packages/db/test/content-version.test.ts fails until every table is classified).

const TABLES = [
  'county',
  'municipality',
  'organisation',
  'region',
  'region_municipality',
  'membership',
  'theme',
  'person',
  'project',
  'project_theme',
  'project_leader',
  'project_link',
  'participation',
  'participation_event',
];

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table content_version (
      id boolean primary key default true check (id),
      version bigint not null default 0
    )
  `.execute(db);
  await sql`insert into content_version default values`.execute(db);
  // Once per transaction: the transaction-local setting says the bump is done.
  await sql`
    create function kk_content_changed() returns trigger language plpgsql as $$
    declare
      next bigint;
    begin
      if coalesce(current_setting('kk.content_changed', true), '') <> 'on' then
        perform set_config('kk.content_changed', 'on', true);
        update content_version set version = version + 1 returning version into next;
        perform pg_notify('kk_content', next::text);
      end if;
      return null;
    end
    $$
  `.execute(db);
  for (const table of TABLES) {
    await sql`
      create constraint trigger content_changed after insert or update or delete
      on ${sql.table(table)} deferrable initially deferred
      for each row execute function kk_content_changed()
    `.execute(db);
  }
}
