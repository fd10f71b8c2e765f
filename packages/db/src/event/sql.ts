import type {
  EventDetail,
  EventEditSummary,
  EventEditView,
  EventSummary,
  EventTiming,
} from '@klimakommuner/domain';
import { sql } from 'kysely';
import { nbOrder, projectIsPublic } from '../resource/sql.ts';

// SQL pieces the event reads share: each read builds its views in the statement that finds the
// rows (json subqueries per row), the timestamps normalised in JS (JSON gives them with offsets).

/** Whether the event joined as `e` is public at `now`. */
export const eventIsPublic = (now: Date) =>
  sql`(e.workflow_status = 'published' and (e.publish_at is null or e.publish_at <= ${now}))`;

/** The joins every event read makes: organiser `o`, project `p`. */
export const eventJoins = sql`event e join organisation o on o.id = e.organiser_organisation_id
  left join project p on p.id = e.project_id`;

const themesJson = sql`coalesce((select json_agg(json_build_object('slug', t.slug, 'name', t.name)
    order by ${nbOrder(sql`t.name`)}, t.slug)
  from event_theme et join theme t on t.id = et.theme_id where et.event_id = e.id), '[]'::json)`;

/** The fields of an EventSummary of `e` (raw: timestamps as JSON gives them) at `now`. */
export const summaryFields = (now: Date) => sql`'slug', e.slug, 'title', e.title,
  'summary', e.summary, 'allDay', e.all_day, 'startsAt', e.starts_at, 'endsAt', e.ends_at,
  'startDate', e.start_date, 'endDate', e.end_date, 'address', e.address, 'onlineUrl', e.online_url,
  'organiser', json_build_object('slug', o.slug, 'name', o.name, 'shortName', o.short_name, 'kind', o.kind),
  'project', case when p.id is not null and ${projectIsPublic(now)}
    then json_build_object('slug', p.slug, 'title', p.title) end,
  'themes', ${themesJson}, 'registrationUrl', e.registration_url,
  'registrationDeadline', e.registration_deadline, 'status', e.status, 'statusNote', e.status_note,
  'uid', e.id || '@klimakommuner.no', 'sequence', e.sequence, 'updatedAt', e.updated_at, 'demo', e.demo`;

/** The further fields of an EventDetail of `e`. */
export const detailFields = sql`'descriptionHtml', e.description_html, 'capacityNote', e.capacity_note,
  'municipalities', coalesce((select json_agg(json_build_object('number', m.number, 'name', m.name,
      'slug', m.slug, 'county', json_build_object('number', c.number, 'name', c.name))
      order by ${nbOrder(sql`m.name`)}, m.number)
    from event_municipality em join municipality m on m.number = em.municipality_number
    join county c on c.number = m.county_number where em.event_id = e.id), '[]'::json)`;

/** What only editors see of `e`. */
export const editFields = sql`'description', e.description, 'projectSlug', p.slug,
  'workflowStatus', e.workflow_status, 'publishAt', e.publish_at, 'version', e.version`;

/** A view as the JSON came: the timing in columns, timestamps with offsets. */
type Raw<V> = Omit<V, 'timing'> & {
  readonly allDay: boolean;
  readonly startDate: string | null;
  readonly endDate: string | null;
};

const iso = (value: string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** A view with its timing built and every timestamp in toISOString's form. */
export const normalise = <V extends EventSummary & { readonly publishAt?: string | null }>(
  raw: Raw<V>,
): V => {
  const { allDay, startDate, endDate, ...rest } = raw;
  const startsAt = iso(rest.startsAt) ?? '';
  const endsAt = iso(rest.endsAt) ?? '';
  const timing: EventTiming = allDay
    ? { allDay: true, startDate: startDate ?? '', endDate: endDate ?? '' }
    : { allDay: false, start: startsAt, end: endsAt };
  return {
    ...rest,
    timing,
    startsAt,
    endsAt,
    registrationDeadline: iso(rest.registrationDeadline),
    updatedAt: iso(rest.updatedAt) ?? '',
    ...('publishAt' in rest ? { publishAt: iso(rest.publishAt ?? null) } : {}),
  } as unknown as V;
};

export type RawSummary = Raw<EventSummary>;
export type RawDetail = Raw<EventDetail>;
export type RawEditView = Raw<EventEditView>;
export type RawEditSummary = Raw<EventEditSummary>;
