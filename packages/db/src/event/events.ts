import {
  type EventDetail,
  type EventEditSummary,
  type EventEditView,
  type EventSummary,
  type EventWhen,
  isUuid,
  type Page,
  type Status,
} from '@klimakommuner/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../content/cursor.ts';
import { editReads, publicDetailOf } from '../content/edit-reads.ts';
import { nbOrder, projectIsPublic } from '../resource/sql.ts';
import type { Database } from '../schema.ts';
import {
  detailFields,
  editFields,
  eventIsPublic,
  eventJoins,
  normalise,
  type RawEditSummary,
  type RawEditView,
  type RawSummary,
  summaryFields,
} from './sql.ts';

// Reads of events: each one statement, the view built in SQL (sql.ts).

/** What a public list or calendar of events is narrowed to; each filter a slug or a number. */
export interface EventFilter {
  /** The organiser organisation's slug. */
  readonly organiser?: string | undefined;
  /** A kommunenummer. */
  readonly municipality?: string | undefined;
  readonly project?: string | undefined;
  readonly theme?: string | undefined;
}

export interface EventListQuery extends EventFilter {
  readonly when?: EventWhen | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

export const DEFAULT_EVENT_LIMIT = 20;
export const MAX_EVENT_LIMIT = 100;

/** The events a filter keeps, `e` public at `now` (its project, when filtered by, public too). */
export const eventConditions = (filter: EventFilter, now: Date): RawBuilder<unknown> => {
  const parts: RawBuilder<unknown>[] = [eventIsPublic(now)];
  if (filter.organiser !== undefined) parts.push(sql`o.slug = ${filter.organiser}`);
  if (filter.project !== undefined) parts.push(sql`p.slug = ${filter.project}`);
  if (filter.municipality !== undefined)
    parts.push(sql`exists (select 1 from event_municipality em
      where em.event_id = e.id and em.municipality_number = ${filter.municipality})`);
  if (filter.theme !== undefined)
    parts.push(sql`exists (select 1 from event_theme et join theme t on t.id = et.theme_id
      where et.event_id = e.id and t.slug = ${filter.theme})`);
  return sql.join(parts, sql` and `);
};

/**
 * One page of public events: upcoming (not yet ended at `now`) by start, soonest first, or past
 * (ended) by start, newest first; keyset pagination on (start, id). One statement; `total` counts
 * every event the filter keeps on that side of `now`.
 */
export const listEvents = async (
  db: Kysely<Database>,
  query: EventListQuery = {},
  now: Date = new Date(),
): Promise<Page<EventSummary> & { readonly total: number }> => {
  const past = query.when === 'past';
  const limit = Math.min(Math.max(query.limit ?? DEFAULT_EVENT_LIMIT, 1), MAX_EVENT_LIMIT);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const afterAt = after === null ? null : new Date(after.name);
  // A cursor this list did not hand out (no instant, no event id) is refused, never sent to SQL.
  if (after !== null && (Number.isNaN(afterAt?.getTime()) || !isUuid(after.number))) {
    throw new InvalidCursorError();
  }
  const side = past ? sql`e.ends_at <= ${now}` : sql`e.ends_at > ${now}`;
  const direction = past ? sql`desc` : sql`asc`;
  const rows = (
    await sql<{
      view: RawSummary;
      starts_at: Date | string;
      id: string;
      total: number | string;
    }>`select * from (
        select json_build_object(${summaryFields(now)}) as view, e.starts_at, e.id,
          count(*) over () as total
        from ${eventJoins} where ${eventConditions(query, now)} and ${side}) listed
      ${
        after === null || afterAt === null
          ? sql``
          : past
            ? sql`where (starts_at, id) < (${afterAt}, ${after.number}::uuid)`
            : sql`where (starts_at, id) > (${afterAt}, ${after.number}::uuid)`
      }
      order by starts_at ${direction}, id ${direction} limit ${limit + 1}`.execute(db)
  ).rows;
  const items = rows.slice(0, limit).map((r) => normalise<EventSummary>(r.view));
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items,
    nextCursor:
      last === undefined
        ? null
        : encodeCursor({
            name: new Date(last.starts_at).toISOString(),
            number: last.id,
          }),
    total: Number(rows[0]?.total ?? 0),
  };
};

/** What the public list's filters offer: the organisers, projects, themes and municipalities of public events. */
export interface EventFilterOptions {
  readonly organisers: readonly { readonly slug: string; readonly name: string }[];
  readonly projects: readonly { readonly slug: string; readonly title: string }[];
  readonly themes: readonly { readonly slug: string; readonly name: string }[];
  readonly municipalities: readonly { readonly number: string; readonly name: string }[];
}

/** The filter options of the public list, each in Norwegian order. One statement. */
export const eventFilterOptions = async (
  db: Kysely<Database>,
  now: Date = new Date(),
): Promise<EventFilterOptions> => {
  const row = (
    await sql<{ options: EventFilterOptions }>`with public_event as (
        select e.id, e.organiser_organisation_id, e.project_id from event e where ${eventIsPublic(now)})
      select json_build_object(
        'organisers', coalesce((select json_agg(json_build_object('slug', o.slug, 'name', o.name)
            order by ${nbOrder(sql`o.name`)}, o.slug) from organisation o
          where o.id in (select organiser_organisation_id from public_event)), '[]'::json),
        'projects', coalesce((select json_agg(json_build_object('slug', p.slug, 'title', p.title)
            order by ${nbOrder(sql`p.title`)}, p.slug) from project p
          where p.id in (select project_id from public_event) and ${projectIsPublic(now)}), '[]'::json),
        'themes', coalesce((select json_agg(json_build_object('slug', t.slug, 'name', t.name)
            order by ${nbOrder(sql`t.name`)}, t.slug) from theme t
          where t.id in (select et.theme_id from event_theme et
            where et.event_id in (select id from public_event))), '[]'::json),
        'municipalities', coalesce((select json_agg(json_build_object('number', m.number, 'name', m.name)
            order by ${nbOrder(sql`m.name`)}, m.number) from municipality m
          where m.number in (select em.municipality_number from event_municipality em
            where em.event_id in (select id from public_event))), '[]'::json)
      ) as options`.execute(db)
  ).rows[0];
  return row?.options ?? { organisers: [], projects: [], themes: [], municipalities: [] };
};

/** How far back a calendar feed reaches: events that ended within this many days stay in it. */
export const CALENDAR_PAST_DAYS = 90;
/** The most events one calendar feed holds. */
export const MAX_CALENDAR_EVENTS = 500;

/**
 * The events of a calendar feed: public at `now`, cancelled ones included (so a subscribed
 * calendar sees the cancellation), from those that ended in the last CALENDAR_PAST_DAYS on, by
 * start. One statement.
 */
export const calendarEvents = async (
  db: Kysely<Database>,
  filter: EventFilter = {},
  now: Date = new Date(),
): Promise<EventSummary[]> => {
  const since = new Date(now.getTime() - CALENDAR_PAST_DAYS * 86_400_000);
  return (
    await sql<{ view: RawSummary }>`select json_build_object(${summaryFields(now)}) as view
      from ${eventJoins} where ${eventConditions(filter, now)} and e.ends_at > ${since}
      order by e.starts_at, e.id limit ${MAX_CALENDAR_EVENTS}`.execute(db)
  ).rows.map((r) => normalise<EventSummary>(r.view));
};

/** The edit view without what only editors see. */
export const publicEvent = publicDetailOf<EventEditView, EventDetail>([
  'description',
  'projectSlug',
  'workflowStatus',
  'publishAt',
  'version',
]);

const reads = editReads<EventEditView, EventDetail, RawEditView>({
  fields: (now) => sql`${summaryFields(now)}, ${detailFields}, ${editFields}`,
  joins: eventJoins,
  bySlug: (slug) => sql`e.slug = ${slug}`,
  isPublic: eventIsPublic,
  normalise: (raw) => normalise<EventEditView>(raw),
  toPublic: publicEvent,
});

/** The event whatever its workflow status, for editors; null when there is none. */
export const getEventForEdit = reads.forEdit;
/** The public detail of an event; null unless it is public at `now` (a cancelled one is). */
export const getEvent = reads.get;
/** What the public will see once the event is public, whatever its status now (admin preview). */
export const getEventPreview = reads.preview;

/** Every event of an organisation whatever its workflow status, the latest start first. */
export const listEventsForEdit = async (
  db: Kysely<Database>,
  organisation: string,
  now: Date = new Date(),
): Promise<EventEditSummary[]> =>
  (
    await sql<{ view: RawEditSummary }>`select json_build_object(${summaryFields(now)},
        'workflowStatus', e.workflow_status, 'publishAt', e.publish_at, 'version', e.version) as view
      from ${eventJoins} where o.slug = ${organisation}
      order by e.starts_at desc, e.slug`.execute(db)
  ).rows.map((row) => normalise<EventEditSummary>(row.view));

/**
 * Published events still to come without a registration link, soonest first, of the given
 * organisations (all when null): the dashboard's reminder. One statement.
 */
export const upcomingWithoutRegistration = async (
  db: Kysely<Database>,
  organisations: readonly string[] | null,
  now: Date = new Date(),
  limit = 20,
): Promise<EventSummary[]> => {
  if (organisations !== null && organisations.length === 0) return [];
  return (
    await sql<{ view: RawSummary }>`select json_build_object(${summaryFields(now)}) as view
      from ${eventJoins} where e.workflow_status = 'published' and e.status <> 'cancelled'
        and e.registration_url is null and e.ends_at > ${now}
        ${organisations === null ? sql`` : sql`and o.slug in (${sql.join(organisations)})`}
      order by e.starts_at, e.id limit ${limit}`.execute(db)
  ).rows.map((r) => normalise<EventSummary>(r.view));
};

/** The slug of the event's organiser organisation (the API's access check); null when none. */
export const eventOrganisation = async (
  db: Kysely<Database>,
  slug: string,
): Promise<string | null> =>
  (
    await db
      .selectFrom('event as e')
      .innerJoin('organisation as o', 'o.id', 'e.organiser_organisation_id')
      .select('o.slug')
      .where('e.slug', '=', slug)
      .executeTakeFirst()
  )?.slug ?? null;

/** An event's workflow status (editing a published one needs more); null when none. */
export const eventWorkflowStatus = async (
  db: Kysely<Database>,
  slug: string,
): Promise<Status | null> =>
  (
    await db
      .selectFrom('event')
      .select('workflow_status')
      .where('slug', '=', slug)
      .executeTakeFirst()
  )?.workflow_status ?? null;
