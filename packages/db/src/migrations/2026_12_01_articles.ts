import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`). Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
//
// News articles («Aktuelt», issue 12): an article with its image (a stored file of the
// publisher), themes and municipalities. The tables are public content: each gets the
// content-version trigger (decision 0024), as the resource library's do.

const now = sql`now()`;
const contentStatus = sql`('draft', 'in_review', 'published', 'archived')`;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  // body is Markdown, body_html its sanitised rendering (by the API), body_text its words.
  // published_at is when it became (or, scheduled, becomes) public: set by publishing;
  // updated_at is when its text was last saved (not moved through the workflow).
  await db.schema
    .createTable('article')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_file_id', 'uuid', (c) => c.references('stored_file.id'))
    .addColumn('image_alt', 'text')
    .addColumn('image_credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('publisher_organisation_id', 'uuid', (c) =>
      c.notNull().references('organisation.id'),
    )
    .addColumn('project_id', 'uuid', (c) => c.references('project.id'))
    .addColumn('author_name', 'text')
    .addColumn('author_person_id', 'uuid', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('workflow_status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`workflow_status in ${contentStatus}`),
    )
    .addColumn('publish_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      'article_image_alt',
      sql`image_file_id is null or (image_alt is not null and image_alt <> '')`,
    )
    .execute();
  // The public list: newest first, keyset over (published_at, id).
  await sql`create index article_newest_idx on article (published_at desc, id desc)
    where workflow_status = 'published'`.execute(db);
  await db.schema
    .createIndex('article_publisher_idx')
    .on('article')
    .column('publisher_organisation_id')
    .execute();
  await db.schema.createIndex('article_project_idx').on('article').column('project_id').execute();
  await db.schema.createIndex('article_image_idx').on('article').column('image_file_id').execute();

  await db.schema
    .createTable('article_theme')
    .addColumn('article_id', 'uuid', (c) =>
      c.notNull().references('article.id').onDelete('cascade'),
    )
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('theme.id'))
    .addPrimaryKeyConstraint('article_theme_pk', ['article_id', 'theme_id'])
    .execute();
  await db.schema
    .createIndex('article_theme_theme_idx')
    .on('article_theme')
    .column('theme_id')
    .execute();

  await db.schema
    .createTable('article_municipality')
    .addColumn('article_id', 'uuid', (c) =>
      c.notNull().references('article.id').onDelete('cascade'),
    )
    .addColumn('municipality_number', 'char(4)', (c) =>
      c.notNull().references('municipality.number'),
    )
    .addPrimaryKeyConstraint('article_municipality_pk', ['article_id', 'municipality_number'])
    .execute();
  await db.schema
    .createIndex('article_municipality_number_idx')
    .on('article_municipality')
    .column('municipality_number')
    .execute();

  for (const table of ['article', 'article_theme', 'article_municipality']) {
    await sql`
      create constraint trigger content_changed after insert or update or delete
      on ${sql.table(table)} deferrable initially deferred
      for each row execute function kk_content_changed()
    `.execute(db);
  }
}
