import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`). Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
//
// The resource library (issue 11): uploaded files, resources with their themes, municipalities,
// attachments and links, and `search_document`, one row per searchable published item, which
// the one search function reads (docs/contracts-resources.md).

const now = sql`now()`;
const contentStatus = sql`('draft', 'in_review', 'published', 'archived')`;
const resourceKinds = sql`('guide', 'template', 'tool', 'report', 'case', 'recording', 'presentation')`;

/** Weighted words of one field: the Norwegian stems, and the words as typed (for prefixes). */
const weighted = (column: string, weight: string) =>
  `setweight(to_tsvector('norwegian'::regconfig, ${column}), '${weight}') || ` +
  `setweight(to_tsvector('simple'::regconfig, ${column}), '${weight}')`;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  // A file as intake stored it (packages/files): `<id>/original` and, for images, WebP widths.
  // It belongs to the organisation that uploaded it; only that one can attach it. `released_at`
  // is when the last attachment using it went, which starts the audit window before the sweep
  // may remove it.
  await db.schema
    .createTable('stored_file')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('kind_label', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull().check(sql`size >= 0`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('variants', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('widths', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('alt_text', 'text')
    .addColumn('text', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('released_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('stored_file_organisation_idx')
    .on('stored_file')
    .column('organisation_id')
    .execute();

  // body is Markdown, body_html its sanitised rendering (by the API), body_text its words.
  await db.schema
    .createTable('resource')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ${resourceKinds}`))
    .addColumn('owner_organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('project_id', 'uuid', (c) => c.references('project.id'))
    .addColumn('audience', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('language', 'text', (c) =>
      c.notNull().defaultTo('nb').check(sql`language in ('nb', 'nn', 'en', 'se')`),
    )
    .addColumn('published_on', 'date')
    .addColumn('last_reviewed_on', 'date')
    .addColumn('workflow_status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`workflow_status in ${contentStatus}`),
    )
    .addColumn('publish_at', 'timestamptz')
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('resource_owner_idx')
    .on('resource')
    .column('owner_organisation_id')
    .execute();
  await db.schema.createIndex('resource_project_idx').on('resource').column('project_id').execute();

  await db.schema
    .createTable('resource_theme')
    .addColumn('resource_id', 'uuid', (c) =>
      c.notNull().references('resource.id').onDelete('cascade'),
    )
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('theme.id'))
    .addPrimaryKeyConstraint('resource_theme_pk', ['resource_id', 'theme_id'])
    .execute();
  await db.schema
    .createIndex('resource_theme_theme_idx')
    .on('resource_theme')
    .column('theme_id')
    .execute();

  await db.schema
    .createTable('resource_municipality')
    .addColumn('resource_id', 'uuid', (c) =>
      c.notNull().references('resource.id').onDelete('cascade'),
    )
    .addColumn('municipality_number', 'char(4)', (c) =>
      c.notNull().references('municipality.number'),
    )
    .addPrimaryKeyConstraint('resource_municipality_pk', ['resource_id', 'municipality_number'])
    .execute();
  await db.schema
    .createIndex('resource_municipality_number_idx')
    .on('resource_municipality')
    .column('municipality_number')
    .execute();

  await db.schema
    .createTable('resource_attachment')
    .addColumn('resource_id', 'uuid', (c) =>
      c.notNull().references('resource.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`"position" >= 0`))
    .addColumn('file_id', 'uuid', (c) => c.notNull().references('stored_file.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('alt_text', 'text')
    .addPrimaryKeyConstraint('resource_attachment_pk', ['resource_id', 'position'])
    .execute();
  await db.schema
    .createIndex('resource_attachment_file_idx')
    .on('resource_attachment')
    .column('file_id')
    .execute();

  await db.schema
    .createTable('resource_link')
    .addColumn('resource_id', 'uuid', (c) =>
      c.notNull().references('resource.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`"position" >= 0`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().check(sql`url ~ '^https?://'`))
    .addPrimaryKeyConstraint('resource_link_pk', ['resource_id', 'position'])
    .execute();

  // One row per searchable item while it is published (written in the transaction that
  // publishes, edits or withdraws it); `visible_from` holds a scheduled publication back.
  // Facet columns hold slugs and numbers; their labels are joined when counted. `document`
  // weighs title A, summary B, body C and file text D, each as Norwegian stems and as typed.
  await db.schema
    .createTable('search_document')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text')
    .addColumn('themes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('project', 'text')
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('municipalities', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('file_kinds', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('published_on', 'date')
    .addColumn('visible_from', 'timestamptz')
    .addColumn('sort_key', sql`text collate "C"`, (c) =>
      c
        .generatedAlwaysAs(
          sql.raw(
            `translate(lower(title), 'æäøöåàáâãèéêëìíîïòóôõùúûüýçñ', '{{||}aaaaeeeeiiiioooouuuyycn')`,
          ),
        )
        .stored(),
    )
    .addColumn('document', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql.raw(
            [
              weighted('title', 'A'),
              weighted('summary', 'B'),
              weighted('body_text', 'C'),
              weighted('file_text', 'D'),
            ].join(' || '),
          ),
        )
        .stored(),
    )
    .addPrimaryKeyConstraint('search_document_pk', ['type', 'id'])
    .execute();
  await sql`create index search_document_document_idx on search_document using gin (document)`.execute(
    db,
  );
  await sql`create index search_document_themes_idx on search_document using gin (themes)`.execute(
    db,
  );
  await sql`create index search_document_municipalities_idx on search_document using gin (municipalities)`.execute(
    db,
  );
  // Candidates are the newest matches: for a word most items have, walking this index and
  // checking each document stops early; a rare word goes through the GIN index instead.
  await sql`create index search_document_newest_idx
    on search_document (published_on desc nulls last, slug)`.execute(db);
}
