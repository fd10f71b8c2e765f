import { type Kysely, sql } from 'kysely';

// Publishers show their logos on the front page (issue 12 item 7): an image file with alt text,
// set by administrators. A logo is a third use of a stored file beside resource attachments and
// article images, so the uses are one view, `file_use`, that serving, the sweep and releasing
// read: a file is public when one of its uses is (a logo always is), kept while any use holds it.

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organisation')
    .addColumn('logo_file_id', 'uuid', (c) => c.references('stored_file.id'))
    .addColumn('logo_alt', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`alter table organisation add constraint organisation_logo_alt
    check (logo_file_id is null or logo_alt <> '')`.execute(db);
  await db.schema
    .createIndex('organisation_logo_idx')
    .on('organisation')
    .column('logo_file_id')
    .execute();

  // Every use of a stored file: what holds it, under which title, and whether (and from when)
  // the holder is published. A logo's organisation is always public.
  await sql`create view file_use as
    select a.file_id, a.title, r.workflow_status as status, r.publish_at
      from resource_attachment a join resource r on r.id = a.resource_id
    union all
    select ar.image_file_id, ar.title, ar.workflow_status, ar.publish_at
      from article ar where ar.image_file_id is not null
    union all
    select o.logo_file_id, o.name, 'published', null::timestamptz
      from organisation o where o.logo_file_id is not null`.execute(db);
}
