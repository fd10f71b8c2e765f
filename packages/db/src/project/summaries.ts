import type {
  IsoDate,
  OrganisationKind,
  ProjectStatus,
  ProjectSummary,
  Status,
  ThemeRef,
} from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { planIndependent } from '../content/generic-plan.ts';
import { nbOrder } from '../content/order.ts';
import type { Database } from '../schema.ts';
import { takesPartSql } from './takes-part.ts';

// Project summaries decided in SQL: what a list shows (never the body), the themes as a JSON
// array, and how many municipalities take part `today` (takesPartSql) counted in the same
// statement. The project is aliased `pr` and its owner `ow`, so subqueries that join people
// (`p`) or organisations (`o`) can refer to them.

/** Project summaries (alias `pr`, owner `ow`), unfiltered and unsorted. */
export const selectProjectSummaries = (db: Kysely<Database>, today: IsoDate) =>
  db
    .selectFrom('project as pr')
    .innerJoin('organisation as ow', 'ow.id', 'pr.owner_organisation_id')
    .select((eb) => [
      'pr.id',
      'pr.slug',
      'pr.title',
      'pr.summary',
      'pr.status',
      'pr.start_date',
      'pr.end_date',
      'pr.workflow_status',
      'pr.publish_at',
      'pr.version',
      'ow.slug as owner_slug',
      'ow.name as owner_name',
      'ow.short_name as owner_short_name',
      'ow.kind as owner_kind',
      jsonArrayFrom(
        eb
          .selectFrom('project_theme as pt')
          .innerJoin('theme as t', 't.id', 'pt.theme_id')
          .select(['t.slug', 't.name'])
          .whereRef('pt.project_id', '=', 'pr.id')
          .orderBy(nbOrder('t')),
      ).as('themes'),
      eb
        .selectFrom('participation as pa')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('pa.project_id', '=', 'pr.id')
        .where(takesPartSql(planIndependent(today, 'date'), 'pa'))
        .as('participant_count'),
      eb
        .selectFrom('participation as pa')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('pa.project_id', '=', 'pr.id')
        .where(sql<boolean>`pa.demo`)
        .where(takesPartSql(planIndependent(today, 'date'), 'pa'))
        .as('demo_participant_count'),
    ]);

/** What selectProjectSummaries gives for one project. */
export interface ProjectSummaryRow {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly status: ProjectStatus;
  readonly start_date: string | null;
  readonly end_date: string | null;
  readonly workflow_status: Status;
  readonly publish_at: Date | string | null;
  readonly version: number;
  readonly owner_slug: string;
  readonly owner_name: string;
  readonly owner_short_name: string | null;
  readonly owner_kind: OrganisationKind;
  readonly themes: readonly ThemeRef[];
  readonly participant_count: number | null;
  readonly demo_participant_count: number | null;
}

/** Title in Norwegian order, slug breaking ties, for the project aliased `pr`. */
export const projectOrder = nbOrder('pr', 'title');

export const summaryOf = (row: ProjectSummaryRow): ProjectSummary => ({
  slug: row.slug,
  title: row.title,
  summary: row.summary,
  themes: row.themes,
  owner: {
    slug: row.owner_slug,
    name: row.owner_name,
    shortName: row.owner_short_name,
    kind: row.owner_kind,
  },
  status: row.status,
  startDate: row.start_date,
  endDate: row.end_date,
  participantCount: Number(row.participant_count ?? 0),
  demoParticipantCount: Number(row.demo_participant_count ?? 0),
});

/** A timestamp read from a row or from JSON, as an ISO string. */
export const isoTimestamp = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();
