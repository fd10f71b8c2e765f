import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`). Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
//
// Themes, people, projects and the municipalities' participation in them. A participation
// belongs to a project and a municipality, never to a membership: ending a membership keeps
// every participation and its history (no cascade from memberships).

const now = sql`now()`;
const contentStatus = sql`('draft', 'in_review', 'published', 'archived')`;
const participationStatus = sql`('interested', 'participating', 'implementing', 'completed', 'withdrawn')`;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('theme')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // A person belongs to an organisation, a municipality, or neither (managed by admins).
  // Contact details are public only with consent (the domain's publicContact).
  await db.schema
    .createTable('person')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisation.id'))
    .addColumn('municipality_number', 'char(4)', (c) => c.references('municipality.number'))
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('consent', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('person_organisation_idx')
    .on('person')
    .column('organisation_id')
    .execute();
  await db.schema
    .createIndex('person_municipality_idx')
    .on('person')
    .column('municipality_number')
    .execute();

  // body is Markdown; body_html its sanitised rendering, computed by the API on save.
  // status is the project's own progress; workflow_status its publication (the content workflow).
  await db.schema
    .createTable('project')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('planned', 'ongoing', 'completed')`),
    )
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('workflow_status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`workflow_status in ${contentStatus}`),
    )
    .addColumn('publish_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      'project_dates',
      sql`end_date is null or start_date is null or end_date >= start_date`,
    )
    .execute();
  await db.schema
    .createIndex('project_owner_idx')
    .on('project')
    .column('owner_organisation_id')
    .execute();

  await db.schema
    .createTable('project_theme')
    .addColumn('project_id', 'uuid', (c) =>
      c.notNull().references('project.id').onDelete('cascade'),
    )
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('theme.id'))
    .addPrimaryKeyConstraint('project_theme_pk', ['project_id', 'theme_id'])
    .execute();
  await db.schema
    .createIndex('project_theme_theme_idx')
    .on('project_theme')
    .column('theme_id')
    .execute();

  await db.schema
    .createTable('project_leader')
    .addColumn('project_id', 'uuid', (c) =>
      c.notNull().references('project.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`"position" >= 0`))
    .addPrimaryKeyConstraint('project_leader_pk', ['project_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('project_leader_person_idx')
    .on('project_leader')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('project_link')
    .addColumn('project_id', 'uuid', (c) =>
      c.notNull().references('project.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`"position" >= 0`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().check(sql`url ~ '^https?://'`))
    .addPrimaryKeyConstraint('project_link_pk', ['project_id', 'position'])
    .execute();

  // One participation per municipality per project: withdrawing and joining again continues
  // the same row, and its events keep the history.
  await db.schema
    .createTable('participation')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('project.id'))
    .addColumn('municipality_number', 'char(4)', (c) =>
      c.notNull().references('municipality.number'),
    )
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${participationStatus}`))
    .addColumn('since', 'date', (c) => c.notNull())
    .addColumn('contact_person_id', 'uuid', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('participation_project_municipality', [
      'project_id',
      'municipality_number',
    ])
    .execute();
  await db.schema
    .createIndex('participation_municipality_idx')
    .on('participation')
    .column('municipality_number')
    .execute();

  // The kept status history, oldest first by (since, id). Append-only.
  await db.schema
    .createTable('participation_event')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('participation_id', 'uuid', (c) =>
      c.notNull().references('participation.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${participationStatus}`))
    .addColumn('since', 'date', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('actor_name', 'text')
    .execute();
  await db.schema
    .createIndex('participation_event_participation_idx')
    .on('participation_event')
    .column('participation_id')
    .execute();
}
