import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** The most file text one item brings to search (a tsvector holds at most 1 MB). */
export const MAX_FILE_TEXT = 100_000;

/**
 * Makes the resource's search_document row match the resource: written while it is published
 * (with `visible_from` holding a scheduled one back), gone otherwise. Runs in the transaction of
 * every write that can change what search shows; two statements.
 */
export const refreshResourceDocument = async (
  db: Kysely<Database>,
  resourceId: string,
): Promise<void> => {
  await db
    .deleteFrom('search_document')
    .where('type', '=', 'resource')
    .where('id', '=', resourceId)
    .execute();
  await sql`insert into search_document (type, id, slug, title, summary, body_text, file_text, kind,
      themes, project, organisation, municipalities, file_kinds, published_on, visible_from)
    select 'resource', r.id, r.slug, r.title, r.summary, r.body_text,
      left(coalesce((select string_agg(f.text, ' ' order by a.position) from resource_attachment a
        join stored_file f on f.id = a.file_id where a.resource_id = r.id and f.text is not null), ''),
        ${MAX_FILE_TEXT}),
      r.kind,
      array(select t.slug from resource_theme rt join theme t on t.id = rt.theme_id
        where rt.resource_id = r.id order by t.slug),
      p.slug, o.slug,
      array(select rm.municipality_number::text from resource_municipality rm
        where rm.resource_id = r.id order by 1),
      array(select distinct f.kind_label from resource_attachment a
        join stored_file f on f.id = a.file_id where a.resource_id = r.id order by 1),
      r.published_on, r.publish_at
    from resource r join organisation o on o.id = r.owner_organisation_id
      left join project p on p.id = r.project_id
    where r.id = ${resourceId} and r.workflow_status = 'published'`.execute(db);
};
