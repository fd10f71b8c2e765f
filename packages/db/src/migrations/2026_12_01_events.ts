import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`). Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
//
// Events («Arrangementer», issue 12): an event with its themes and municipalities. `starts_at`
// and `ends_at` are its bounds as instants (an all-day event: midnight to midnight in Oslo, its
// days in `start_date`/`end_date`); `sequence` is the iCalendar SEQUENCE, raised by every change
// a subscribed calendar should see; the UID is `<id>@klimakommuner.no`. The tables are public
// content: each gets the content-version trigger (2026_11_30_content_version, decision 0024).

const now = sql`now()`;
const contentStatus = sql`('draft', 'in_review', 'published', 'archived')`;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('all_day', 'boolean', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('address', 'text')
    .addColumn('online_url', 'text', (c) => c.check(sql`online_url ~ '^https?://'`))
    .addColumn('organiser_organisation_id', 'uuid', (c) =>
      c.notNull().references('organisation.id'),
    )
    .addColumn('project_id', 'uuid', (c) => c.references('project.id'))
    .addColumn('registration_url', 'text', (c) => c.check(sql`registration_url ~ '^https?://'`))
    .addColumn('registration_deadline', 'timestamptz')
    .addColumn('capacity_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('planned').check(sql`status in ('planned', 'cancelled', 'moved')`),
    )
    .addColumn('status_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('workflow_status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`workflow_status in ${contentStatus}`),
    )
    .addColumn('publish_at', 'timestamptz')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('event_ends_after_start', sql`ends_at > starts_at`)
    .addCheckConstraint(
      'event_all_day_dates',
      sql`(all_day and start_date is not null and end_date is not null)
        or (not all_day and start_date is null and end_date is null)`,
    )
    .execute();
  await db.schema
    .createIndex('event_organiser_idx')
    .on('event')
    .column('organiser_organisation_id')
    .execute();
  await db.schema.createIndex('event_project_idx').on('event').column('project_id').execute();
  // The public lists walk these: upcoming by start, the archive by start descending.
  await db.schema
    .createIndex('event_starts_idx')
    .on('event')
    .columns(['starts_at', 'id'])
    .execute();
  await db.schema.createIndex('event_ends_idx').on('event').column('ends_at').execute();

  await db.schema
    .createTable('event_theme')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('theme.id'))
    .addPrimaryKeyConstraint('event_theme_pk', ['event_id', 'theme_id'])
    .execute();
  await db.schema
    .createIndex('event_theme_theme_idx')
    .on('event_theme')
    .column('theme_id')
    .execute();

  await db.schema
    .createTable('event_municipality')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('municipality_number', 'char(4)', (c) =>
      c.notNull().references('municipality.number'),
    )
    .addPrimaryKeyConstraint('event_municipality_pk', ['event_id', 'municipality_number'])
    .execute();
  await db.schema
    .createIndex('event_municipality_number_idx')
    .on('event_municipality')
    .column('municipality_number')
    .execute();

  for (const table of ['event', 'event_theme', 'event_municipality']) {
    await sql`
      create constraint trigger content_changed after insert or update or delete
      on ${sql.table(table)} deferrable initially deferred
      for each row execute function kk_content_changed()
    `.execute(db);
  }
}
