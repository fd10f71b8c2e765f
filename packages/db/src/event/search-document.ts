import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Makes the event's search_document row (type 'event') match the event: written while it is
 * published (`visible_from` holding a scheduled one back), gone otherwise. Runs in the
 * transaction of every write that can change what search shows; two statements. `published_on`
 * is its first day in Norway; `kind` its status (planned, cancelled, moved).
 */
export const refreshEventDocument = async (
  db: Kysely<Database>,
  eventId: string,
): Promise<void> => {
  await db
    .deleteFrom('search_document')
    .where('type', '=', 'event')
    .where('id', '=', eventId)
    .execute();
  await sql`insert into search_document (type, id, slug, title, summary, body_text, kind,
      themes, project, organisation, municipalities, published_on, visible_from)
    select 'event', e.id, e.slug, e.title, e.summary,
      concat_ws(' ', e.description_text, e.address, e.status_note),
      e.status,
      array(select t.slug from event_theme et join theme t on t.id = et.theme_id
        where et.event_id = e.id order by t.slug),
      p.slug, o.slug,
      array(select em.municipality_number::text from event_municipality em
        where em.event_id = e.id order by 1),
      (e.starts_at at time zone 'Europe/Oslo')::date, e.publish_at
    from event e join organisation o on o.id = e.organiser_organisation_id
      left join project p on p.id = e.project_id
    where e.id = ${eventId} and e.workflow_status = 'published'`.execute(db);
};
