import {
  type IsoDate,
  type MunicipalityRef,
  type ParticipationEditView,
  type ParticipationStatus,
  type ParticipationStepView,
  type ProjectDetail,
  type ProjectEditSummary,
  type ProjectEditView,
  type Status,
  todayIso,
} from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { nbOrder } from '../content/order.ts';
import { municipalityRefJson } from '../municipality/refs.ts';
import type { Database } from '../schema.ts';
import { type PersonRow, personView, selectPeople } from './people.ts';
import { publicProjectSql } from './rows.ts';
import {
  isoTimestamp,
  type ProjectSummaryRow,
  projectOrder,
  selectProjectSummaries,
  summaryOf,
} from './summaries.ts';
import { takesPartSql } from './takes-part.ts';

interface ParticipationJson {
  readonly id: string;
  readonly municipality: MunicipalityRef;
  readonly status: ParticipationStatus;
  readonly since: IsoDate;
  readonly note: string;
  readonly contact: PersonRow | null;
  readonly history: ParticipationStepView[];
  readonly takesPart: boolean;
  readonly demo: boolean;
  readonly version: number;
}

/**
 * The whole edit view of projects, participants as of `today`, in one statement: the summary,
 * the body, the leaders in order, the links, and every participation with its municipality,
 * contact, history and whether it takes part (takesPartSql) — sorted in SQL.
 */
const selectEditViews = (db: Kysely<Database>, today: IsoDate) =>
  selectProjectSummaries(db, today).select((eb) => [
    'pr.body',
    'pr.body_html',
    jsonArrayFrom(
      selectPeople(db)
        .innerJoin('project_leader as pl', 'pl.person_id', 'p.id')
        .select('pl.position')
        .where(sql<boolean>`pl.project_id = pr.id`)
        .orderBy('pl.position'),
    ).as('leaders'),
    jsonArrayFrom(
      eb
        .selectFrom('project_link as l')
        .select(['l.label', 'l.url'])
        .whereRef('l.project_id', '=', 'pr.id')
        .orderBy('l.position'),
    ).as('links'),
    jsonArrayFrom(
      eb
        .selectFrom('participation as pa')
        .innerJoin('municipality as m', 'm.number', 'pa.municipality_number')
        .innerJoin('county as c', 'c.number', 'm.county_number')
        .select((inner) => [
          'pa.id',
          sql<MunicipalityRef>`${municipalityRefJson('m', 'c')}`.as('municipality'),
          'pa.status',
          'pa.since',
          'pa.note',
          jsonObjectFrom(selectPeople(db).where(sql<boolean>`p.id = pa.contact_person_id`)).as(
            'contact',
          ),
          jsonArrayFrom(
            inner
              .selectFrom('participation_event as e')
              .select(['e.status', 'e.since'])
              .whereRef('e.participation_id', '=', 'pa.id')
              .orderBy('e.since')
              .orderBy('e.id'),
          ).as('history'),
          takesPartSql(today, 'pa').as('takesPart'),
          'pa.demo',
          'pa.version',
        ])
        .whereRef('pa.project_id', '=', 'pr.id')
        .orderBy(nbOrder('m', 'name', 'number')),
    ).as('participations'),
  ]);

type EditViewRow = ProjectSummaryRow & {
  readonly body: string;
  readonly body_html: string;
  readonly leaders: readonly PersonRow[];
  readonly links: readonly { label: string; url: string }[];
  readonly participations: readonly ParticipationJson[];
};

const editViewOf = (row: EditViewRow): ProjectEditView => ({
  ...summaryOf(row),
  bodyHtml: row.body_html,
  leaders: row.leaders.map(personView),
  links: row.links,
  participations: row.participations.map(
    (p): ParticipationEditView => ({
      ...p,
      contact: p.contact === null ? null : personView(p.contact),
    }),
  ),
  body: row.body,
  leaderIds: row.leaders.map((l) => l.id),
  workflowStatus: row.workflow_status,
  publishAt: isoTimestamp(row.publish_at),
  version: row.version,
});

/**
 * The edit view of the project `slug` whatever its workflow status (or, with `publicAt`, only
 * while it is public then); null when there is none. One statement.
 */
export const loadProjectView = async (
  db: Kysely<Database>,
  slug: string,
  today: IsoDate,
  publicAt?: Date,
): Promise<ProjectEditView | null> => {
  let query = selectEditViews(db, today).where('pr.slug', '=', slug);
  if (publicAt !== undefined) query = query.where(publicProjectSql('pr', publicAt));
  const row = await query.executeTakeFirst();
  return row ? editViewOf(row as EditViewRow) : null;
};

/** The project whatever its workflow status, for editors; null when there is none. */
export const getProjectForEdit = (
  db: Kysely<Database>,
  slug: string,
  now: Date = new Date(),
  today: IsoDate = todayIso(now),
): Promise<ProjectEditView | null> => loadProjectView(db, slug, today);

/** The edit view without what only editors see: what the public is shown. */
export const publicDetail = ({
  body: _b,
  leaderIds: _l,
  workflowStatus: _w,
  publishAt: _p,
  version: _v,
  participations,
  ...detail
}: ProjectEditView): ProjectDetail => ({
  ...detail,
  participations: participations.map(({ version: _pv, ...p }) => p),
});

/** The slug of the project's owner organisation (for the API's authorisation); null when none. */
export const projectOrganisation = async (
  db: Kysely<Database>,
  slug: string,
): Promise<string | null> =>
  (
    await db
      .selectFrom('project as p')
      .innerJoin('organisation as o', 'o.id', 'p.owner_organisation_id')
      .select('o.slug')
      .where('p.slug', '=', slug)
      .executeTakeFirst()
  )?.slug ?? null;

/** A project's workflow status (editing a published one needs more); null when there is none. */
export const projectStatus = async (db: Kysely<Database>, slug: string): Promise<Status | null> =>
  (
    await db
      .selectFrom('project')
      .select('workflow_status')
      .where('slug', '=', slug)
      .executeTakeFirst()
  )?.workflow_status ?? null;

/**
 * Every project of an organisation whatever its workflow status, sorted by title (the admin's
 * list), participants counted as of `now`; one statement.
 */
export const listProjectsForEdit = async (
  db: Kysely<Database>,
  organisation: string,
  now: Date,
): Promise<ProjectEditSummary[]> =>
  (
    await selectProjectSummaries(db, todayIso(now))
      .where('ow.slug', '=', organisation)
      .orderBy(projectOrder)
      .execute()
  ).map((row) => ({
    ...summaryOf(row),
    workflowStatus: row.workflow_status,
    publishAt: isoTimestamp(row.publish_at),
    version: row.version,
  }));
